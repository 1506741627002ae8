/** The API contract: schemas and types, the operation table, the client interface, errors. */
export * as schemas from './schemas.js';
export type * from './schemas.js';
export { LIMITS } from './schemas.js';
export { operations, type OperationId, type OperationSpec } from './operations.js';
export { type PortalClient, type CallOptions, type CreateOptions, type UploadOptions, newIdempotencyKey } from './client.js';
export { PortalError, isPortalError, toPortalError, type PortalErrorType } from './errors.js';
export { createFetchClient } from './fetch-client.js';
