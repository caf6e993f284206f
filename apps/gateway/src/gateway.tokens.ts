// Injection tokens of the gateway's non-class providers.
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
/** the services' route definitions: `SERVICE_ROUTES` unless a test installs its own */
export const SERVICE_ROUTE_DEFINITIONS = Symbol('SERVICE_ROUTE_DEFINITIONS');
