// Moved to @jineng/event-store (projections retry on the same errors); kept here for the consumers.
export { isTransientError } from '@jineng/event-store';
