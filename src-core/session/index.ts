export { DocumentSession, type SessionUpdate } from './document-session';
