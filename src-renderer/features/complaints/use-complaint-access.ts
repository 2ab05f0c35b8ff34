/**
 * Whether the signed-in user handles complaints. Asked once per unlocked session; the navigation
 * and the complaints screens use it, and the main process refuses other roles whatever they ask.
 */
import { useEffect, useState } from 'react';
import { call } from '../../api';

export function useCanHandleComplaints(): boolean | null {
  const [can, setCan] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void call('complaints:canHandle', {}).then((r) => {
      if (live) setCan(r.ok ? r.value.canHandle : false);
    });
    return () => {
      live = false;
    };
  }, []);
  return can;
}
