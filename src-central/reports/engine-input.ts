/**
 * Synced records to the engine's obligations: each participant's rows mapped to engine facts by
 * the function the device uses (factsFromRows), their governing profile by the one resolver, then
 * the engine itself (engineObligationsByParticipant). Used by the report read straight from the
 * records and by the stored report facts, so both count the engine's own output.
 */
import { calendarsFrom } from '@shared/domain/calendar/shipped-calendars';
import {
  factsFromRows,
  type AppointmentRow,
  type EventRow,
  type ParticipantFacts,
} from '@shared/domain/charter/facts-from-rows';
import {
  governingProfile,
  type CopyVersions,
  type ResolvedProfile,
} from '@shared/domain/charter/governing-profile';
import type { Obligation } from '@shared/domain/charter/obligation';
import {
  ObligationsInputError,
  parseObligationsInput,
  type ParticipantFactsInput,
} from '@shared/domain/charter/obligations-input';
import { engineObligationsByParticipant, type ParticipantInScope } from '@shared/domain/report';
import type { ReportParticipant } from './data';

/**
 * Each readable participant's obligations as of `today`, keyed by participant id. Participants
 * the engine could not read are left out, as on the device.
 */
export function obligationsOf(
  participants: readonly ReportParticipant[],
  copies: CopyVersions,
  today: string,
): Map<string, Obligation[]> {
  return engineObligationsByParticipant(
    inScope(participants, copies, today),
    today,
    calendarsFrom(),
  );
}

function participantRow(p: ReportParticipant) {
  return p.records.participant![0] as {
    id: string;
    nation: string;
    referral_date: string;
    charter_profile: string;
    programme: string;
  };
}

/**
 * Each participant's engine input and governing profile. Facts are checked against the engine's
 * input schema per profile group; if a group fails, one by one, so one unreadable record leaves
 * out only that participant (the device's ObligationService does the same).
 */
function inScope(
  participants: readonly ReportParticipant[],
  copies: CopyVersions,
  today: string,
): ParticipantInScope[] {
  const groups = new Map<string, { profile: ResolvedProfile; facts: ParticipantFacts[] }>();
  for (const p of participants) {
    const row = participantRow(p);
    const facts = factsFromRows(
      row,
      (p.records.participant_event ?? []) as unknown as EventRow[],
      (p.records.appointment ?? []) as unknown as AppointmentRow[],
    );
    const profile = governingProfile(
      { charterProfile: row.charter_profile, programme: row.programme },
      today,
      copies,
    );
    const key = `${profile.profile.id}@${profile.version}`;
    const group = groups.get(key) ?? { profile, facts: [] };
    group.facts.push(facts);
    groups.set(key, group);
  }
  const out: ParticipantInScope[] = [];
  for (const { profile, facts } of groups.values())
    for (const input of parsed(facts, profile, today))
      out.push({ facts: input, profile: profile.profile, nation: null });
  return out;
}

function parsed(
  facts: ParticipantFacts[],
  profile: ResolvedProfile,
  today: string,
): ParticipantFactsInput[] {
  const input = (participants: ParticipantFacts[]) =>
    parseObligationsInput({ today, profile: profile.profile, participants }).participants;
  try {
    return input(facts);
  } catch (error) {
    if (!(error instanceof ObligationsInputError)) throw error;
    return facts.flatMap((f) => {
      try {
        return input([f]);
      } catch (inner) {
        if (inner instanceof ObligationsInputError) return [];
        throw inner;
      }
    });
  }
}
