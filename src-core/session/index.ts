export { DocumentSession, type SessionUpdate } from './document-session';
export { parseRecoverySnapshot } from './recovery-snapshot';
