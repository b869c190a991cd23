// Kept for the handlers of other domains until they import ../store/call-store directly
// (docs/architecture.md, known debts): a domain importing host/ closes a folder cycle.
export { callStore } from '../store/call-store';
