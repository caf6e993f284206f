// PublishNotice: after both reviews an officer puts the claim on public notice for the policy's working
// days, counted on the holiday calendar from today (or the next working day): 3 working days published
// on 2019-09-30 run 09-30, 10-08, 10-09 across the National Day holiday.
import type { subsidyV1 } from '@jineng/contracts';
import type { WorkingDayCalendar } from '@jineng/kernel';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { requireParameter } from '@jineng/subsidy-computation';
import { assertOfficerFor, ClaimsContext } from '../claims-context';

@Injectable()
export class PublishNoticeHandler {
  constructor(private readonly context: ClaimsContext) {}

  async handle(request: RpcRequest<subsidyV1.ClaimAction>): Promise<subsidyV1.ClaimAccepted> {
    const { payload, envelope } = request;
    const claim = await this.context.loadClaim(payload.claimId);
    const jurisdiction = claim.submitted.jurisdictionCode;
    assertOfficerFor(envelope.principal, jurisdiction);
    const days =
      claim.submitted.publicNoticeWorkingDays ??
      requireParameter(
        await this.context.policyOn(jurisdiction, this.context.today()),
        'claims',
        'publicNoticeWorkingDays',
      );
    const { startsOn, endsOn } = noticePeriod(
      await this.context.calendarFor(jurisdiction),
      this.context.today(),
      days,
    );
    return this.context.run(request, payload.claimId, jurisdiction, {
      type: 'PublishNotice',
      data: { claimId: payload.claimId, startsOn, endsOn },
    });
  }
}

/** `days` working days from `today` (or the next working day when today is not one): the first and last. */
export function noticePeriod(
  calendar: WorkingDayCalendar,
  today: string,
  days: number,
): { startsOn: string; endsOn: string } {
  const startsOn = calendar.isWorkingDay(today) ? today : calendar.addWorkingDays(today, 1);
  return { startsOn, endsOn: calendar.addWorkingDays(startsOn, days - 1) };
}
