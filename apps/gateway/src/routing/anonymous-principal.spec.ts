// A public route that allowAnonymous forwards a caller without a token as nobody, in the jurisdiction
// the request names.
import { anonymousPrincipal } from './authorize';
import type { RouteDefinition } from './route-definition';

const route = {
  method: 'GET',
  path: '/api/v1/public/jurisdictions/:jurisdiction/claim-notices',
  summary: { zh: '公示', en: 'notices' },
  roles: 'public',
  allowAnonymous: { jurisdiction: { in: 'path', name: 'jurisdiction' } },
  target: { kind: 'query', service: 'subsidy', name: 'ListPublicNotices' },
} as const satisfies RouteDefinition;

it('is the anonymous principal of the jurisdiction in the request', () => {
  expect(anonymousPrincipal(route, { path: { jurisdiction: '419001' }, query: {}, body: undefined })).toEqual(
    {
      userId: 'anonymous',
      roles: ['anonymous'],
      jurisdiction: '419001',
    },
  );
});

it('refuses a value that is not a jurisdiction code (400, naming the field)', () => {
  expect(() =>
    anonymousPrincipal(route, { path: { jurisdiction: '999999' }, query: {}, body: undefined }),
  ).toThrow(expect.objectContaining({ status: 400 }));
});
