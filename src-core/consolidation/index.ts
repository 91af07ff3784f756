export {
  Consolidation,
  type ConsolidatedFinding,
  type CellChange,
  type MemberChange,
  type RoundingReport,
} from './consolidation';
export type { Contribution, MemberCounts, MemberEntry, MemberRead, MemberSource } from './member-entry';
export { profileIdentity, type ProfileIdentity } from './profile-identity';
export { withUnitComposition } from './unit-composition';
