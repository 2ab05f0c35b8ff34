/** Which group of the organisation a participant's figures count in. */
import type { GroupOf, GroupRef, ReportGrouping } from '@shared/domain/report';
import type { OrganisationModel, ReportOrganisation } from './data';

/**
 * Which group a participant counts in: their owning adviser, that adviser's office, the office's
 * provider (prime or subcontractor), or the subcontractor (participants of the prime's own
 * offices count in the totals only). No owner: totals only.
 */
export function groupingOf(data: ReportOrganisation, by: ReportGrouping): GroupOf {
  const ownerOf = new Map(data.participants.map((p) => [p.id, p.adviserId]));
  const groupOfAdviser = adviserGrouping(data, by);
  return (participantId) => {
    const adviserId = ownerOf.get(participantId);
    return adviserId ? groupOfAdviser(adviserId) : null;
  };
}

/** The group an owning adviser's participants count in (null: the totals only). */
export function adviserGrouping(
  model: OrganisationModel,
  by: ReportGrouping,
): (adviserId: string) => GroupRef | null {
  const users = new Map(model.users.map((u) => [u.id, u]));
  const offices = new Map(model.offices.map((o) => [o.id, o]));
  const providers = new Map(model.providers.map((p) => [p.id, p]));
  const groupOfAdviser = (adviserId: string): GroupRef | null => {
    const user = users.get(adviserId);
    if (!user) return null;
    if (by === 'adviser') return { id: user.id, name: user.name };
    const office = user.officeId ? offices.get(user.officeId) : undefined;
    if (!office) return null;
    if (by === 'office') return { id: office.id, name: office.name };
    const provider = providers.get(office.providerId);
    if (!provider) return null;
    if (by === 'subcontractor' && provider.role !== 'subcontractor') return null;
    return { id: provider.id, name: provider.name };
  };
  const memo = new Map<string, GroupRef | null>();
  return (adviserId) => {
    if (!memo.has(adviserId)) memo.set(adviserId, groupOfAdviser(adviserId));
    return memo.get(adviserId)!;
  };
}
