// The console's screens as data: where each one is, its menu entry and group, and who sees it. The menu,
// the page routing and the role checks all read this one table; a screen for a new service (classes,
// certification, claims, the fund ledger, audit) is one more entry and one more group here, its page
// loaded only when opened (README: "Adding a screen").
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../auth/session';
import type { MessageKey } from '../i18n/dictionary';

export interface ConsoleScreen {
  readonly path: string;
  readonly title: MessageKey;
  /** the menu group; none: reached from another screen only */
  readonly group?: MessageKey;
  /** shown in the menu (a form reached from a list may be hidden) */
  readonly menu?: boolean;
  readonly roles: readonly Role[];
  readonly page: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;
}

const OFFICERS: readonly Role[] = ['county_officer', 'city_approver', 'admin'];
const READERS: readonly Role[] = [...OFFICERS, 'auditor'];
export const ALL_ROLES: readonly Role[] = [
  'worker',
  'institution',
  'enterprise',
  'county_officer',
  'city_approver',
  'finance_officer',
  'auditor',
  'admin',
];

// console-money: who moves money, who reads it
const FINANCE: readonly Role[] = ['finance_officer', 'admin'];
const LEDGER_READERS: readonly Role[] = ['finance_officer', 'auditor', 'admin'];

export interface PublicScreen {
  readonly path: string;
  readonly title: MessageKey;
  readonly menu?: boolean;
  readonly page: ConsoleScreen['page'];
}

/**
 * console-money: pages anyone may open without signing in (the gateway answers their routes to the
 * anonymous principal, rate-limited). A certificate's number in the path opens its verification.
 */
export const PUBLIC_PAGES: readonly PublicScreen[] = [
  {
    path: '/public/notices',
    title: 'nav.publicNotices',
    page: lazy(() => import('../pages/public/NoticesPage')),
  },
  {
    path: '/public/certificates',
    title: 'nav.publicCertificates',
    page: lazy(() => import('../pages/public/CertificateVerificationPage')),
  },
  {
    path: '/public/certificates/:certificateNumber',
    title: 'nav.publicCertificates',
    menu: false,
    page: lazy(() => import('../pages/public/CertificateVerificationPage')),
  },
  {
    path: '/public/fund-disclosure',
    title: 'nav.publicFundDisclosure',
    page: lazy(() => import('../pages/public/FundDisclosurePage')),
  },
  {
    path: '/public/scorecard',
    title: 'nav.publicScorecard',
    page: lazy(() => import('../pages/public/ScorecardPage')),
  },
  {
    path: '/public/institutions',
    title: 'nav.publicInstitutions',
    page: lazy(() => import('../pages/public/InstitutionDirectoryPage')),
  },
];

const CLASS_OPS_SCREENS: readonly ConsoleScreen[] = [
  {
    path: '/classes',
    title: 'nav.classes',
    group: 'nav.classOps',
    roles: ['institution', ...READERS],
    page: lazy(() => import('../pages/classes/ClassesPage')),
  },
  {
    path: '/classes/new',
    title: 'nav.classNew',
    group: 'nav.classOps',
    roles: ['institution'],
    page: lazy(() => import('../pages/classes/OpenClassPage')),
  },
  {
    path: '/classes/:classId',
    title: 'nav.classDetail',
    menu: false,
    roles: ['institution', ...READERS],
    page: lazy(() => import('../pages/classes/ClassPage')),
  },
  {
    path: '/assessments/:assessmentId',
    title: 'nav.assessment',
    menu: false,
    roles: ['institution', ...READERS],
    page: lazy(() => import('../pages/classes/AssessmentPage')),
  },
  {
    path: '/claims',
    title: 'nav.claims',
    group: 'nav.classOps',
    roles: ['county_officer', 'city_approver'],
    page: lazy(() => import('../pages/claims/ClaimsPage')),
  },
  {
    path: '/claims/new',
    title: 'nav.claimNew',
    group: 'nav.classOps',
    roles: ['institution', 'enterprise'],
    page: lazy(() => import('../pages/claims/SubmitClaimPage')),
  },
  {
    // an institution's or enterprise's clerk follows its own claims to payment
    path: '/claims/own',
    title: 'nav.ownClaims',
    group: 'nav.classOps',
    roles: ['institution', 'enterprise'],
    page: lazy(() => import('../pages/claims/ClaimsPage')),
  },
  {
    path: '/claims/:claimId',
    title: 'nav.claimDetail',
    menu: false,
    roles: ['institution', 'enterprise', 'worker', 'county_officer', 'city_approver', 'auditor'],
    page: lazy(() => import('../pages/claims/ClaimPage')),
  },
];

/** The menu groups, in menu order. */
export const GROUPS: readonly MessageKey[] = [
  'nav.registry',
  'nav.classOps',
  'nav.policy',
  // console-money: the fund ledger, audit and the trainee's own screens
  'nav.ledger',
  'nav.audit',
  'nav.trainee',
  'nav.public',
];

export const SCREENS: readonly ConsoleScreen[] = [
  {
    path: '/workers',
    title: 'nav.workers',
    group: 'nav.registry',
    roles: READERS,
    page: lazy(() => import('../pages/workers/WorkersPage')),
  },
  {
    path: '/workers/new',
    title: 'nav.workerNew',
    group: 'nav.registry',
    roles: OFFICERS,
    page: lazy(() => import('../pages/workers/RegisterWorkerPage')),
  },
  {
    path: '/roster-imports/new',
    title: 'nav.rosterImport',
    group: 'nav.registry',
    roles: OFFICERS,
    page: lazy(() => import('../pages/workers/RosterImportPage')),
  },
  {
    path: '/institutions',
    title: 'nav.institutions',
    group: 'nav.registry',
    roles: READERS,
    page: lazy(() => import('../pages/institutions/InstitutionsPage')),
  },
  {
    path: '/institutions/apply',
    title: 'nav.institutionApply',
    group: 'nav.registry',
    roles: ['institution', ...OFFICERS],
    page: lazy(() => import('../pages/institutions/ApplyForListingPage')),
  },
  {
    path: '/devices',
    title: 'nav.devices',
    group: 'nav.registry',
    roles: ['institution', ...READERS],
    page: lazy(() => import('../pages/devices/DevicesPage')),
  },
  // classes and claims: institution clerk, county officer, city approver (issue 16)
  ...CLASS_OPS_SCREENS,
  {
    path: '/policy/effective',
    title: 'nav.effectivePolicy',
    group: 'nav.policy',
    roles: ALL_ROLES,
    page: lazy(() => import('../pages/policy/EffectivePolicyPage')),
  },
  {
    path: '/policy/versions',
    title: 'nav.policyVersions',
    group: 'nav.policy',
    roles: ALL_ROLES,
    page: lazy(() => import('../pages/policy/PolicyVersionsPage')),
  },
  {
    path: '/policy/holidays',
    title: 'nav.holidays',
    group: 'nav.policy',
    roles: ALL_ROLES,
    page: lazy(() => import('../pages/policy/HolidayCalendarPage')),
  },
  // console-money: the finance officer's ledger, the auditor's timeline, the trainee's claims
  {
    path: '/ledger/balances',
    title: 'nav.ledgerBalances',
    group: 'nav.ledger',
    roles: LEDGER_READERS,
    page: lazy(() => import('../pages/ledger/BalancesPage')),
  },
  {
    path: '/ledger/money-in',
    title: 'nav.ledgerMoneyIn',
    group: 'nav.ledger',
    roles: FINANCE,
    page: lazy(() => import('../pages/ledger/MoneyInPage')),
  },
  {
    path: '/ledger/reservations',
    title: 'nav.ledgerReservations',
    group: 'nav.ledger',
    roles: FINANCE,
    page: lazy(() => import('../pages/ledger/ReservationsPage')),
  },
  {
    path: '/ledger/payments',
    title: 'nav.ledgerPayments',
    group: 'nav.ledger',
    roles: FINANCE,
    page: lazy(() => import('../pages/ledger/PaymentsPage')),
  },
  {
    path: '/ledger/report',
    title: 'nav.ledgerReport',
    group: 'nav.ledger',
    roles: LEDGER_READERS,
    page: lazy(() => import('../pages/ledger/FundReportPage')),
  },
  {
    path: '/audit/timeline',
    title: 'nav.auditTimeline',
    group: 'nav.audit',
    roles: ['auditor'],
    page: lazy(() => import('../pages/audit/TimelinePage')),
  },
  {
    path: '/audit/chains',
    title: 'nav.auditChains',
    group: 'nav.audit',
    roles: ['auditor'],
    page: lazy(() => import('../pages/audit/ChainVerificationPage')),
  },
  // the auditor's screens (issue 16): explain a yuan, a claim replayed and recomputed, the integrity
  // of chains, seals and stores in one place, the fraud alerts and their triage
  {
    path: '/audit/explain',
    title: 'nav.auditExplain',
    group: 'nav.audit',
    roles: ['auditor'],
    page: lazy(() => import('../pages/audit/ExplainPage')),
  },
  {
    path: '/audit/claims',
    title: 'nav.auditClaim',
    group: 'nav.audit',
    roles: ['auditor'],
    page: lazy(() => import('../pages/audit/ClaimAuditPage')),
  },
  {
    path: '/audit/verification',
    title: 'nav.auditVerification',
    group: 'nav.audit',
    roles: ['auditor'],
    page: lazy(() => import('../pages/audit/VerificationPage')),
  },
  {
    path: '/audit/fraud-alerts',
    title: 'nav.auditFraud',
    group: 'nav.audit',
    roles: ['auditor'],
    page: lazy(() => import('../pages/audit/FraudAlertsPage')),
  },
  {
    path: '/my/claims',
    title: 'nav.myClaims',
    group: 'nav.trainee',
    roles: ['worker'],
    page: lazy(() => import('../pages/trainee/MyClaimsPage')),
  },
  // the trainee's trainings and certificates (issue 16), as the claims: on a phone
  {
    path: '/my/trainings',
    title: 'nav.myTrainings',
    group: 'nav.trainee',
    roles: ['worker'],
    page: lazy(() => import('../pages/trainee/MyTrainingsPage')),
  },
  {
    path: '/my/certificates',
    title: 'nav.myCertificates',
    group: 'nav.trainee',
    roles: ['worker'],
    page: lazy(() => import('../pages/trainee/MyCertificatesPage')),
  },
  // the public pages, also in the menu of a signed-in user
  ...PUBLIC_PAGES.map((screen) => ({ ...screen, group: 'nav.public' as const, roles: ALL_ROLES })),
];

export const screensFor = (roles: readonly Role[]) =>
  SCREENS.filter((screen) => screen.roles.some((role) => roles.includes(role)));
