// @jineng/lists: every list a user sees pages, filters, sorts and exports (.xlsx, JSON) the same way.
// Mechanisms only: which columns and filters a list has is the service's.
export * from './list.errors';
export * from './list-definition';
export * from './list-query';
export * from './export/xlsx-stream';
export * from './export/list-export';
export * from './sheets';
