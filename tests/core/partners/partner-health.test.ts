import { assessPartnerHealth } from '../../../core/partners/partner-health';

describe(assessPartnerHealth.name, () => {
  const calm = { nextCheckInDate: '2026-03-10', openActions: 2, overdueActions: 0, slaResults: [] };

  it('is good when the check-in is not due, no action is late and no SLA missed', () => {
    expect(assessPartnerHealth({ ...calm, slaResults: ['met', 'unmeasured'] }, '2026-03-10')).toEqual({
      level: 'good',
      checkIn: { nextDueDate: '2026-03-10', overdueDays: 0 },
      actions: { open: 2, overdue: 0 },
      slas: { total: 2, met: 1, missed: 0 },
      reasons: [],
    });
  });

  it('needs attention for one kind of problem, and names it', () => {
    const health = assessPartnerHealth(calm, '2026-03-15');
    expect(health.level).toBe('attention');
    expect(health.checkIn).toEqual({ nextDueDate: '2026-03-10', overdueDays: 5 });
    expect(health.reasons).toEqual(['Check-in 5 days overdue']);
  });

  it('is at risk with two or more kinds of problem', () => {
    const health = assessPartnerHealth(
      { nextCheckInDate: undefined, openActions: 3, overdueActions: 1, slaResults: ['missed', 'met'] },
      '2026-03-15',
    );
    expect(health.level).toBe('at_risk');
    expect(health.checkIn).toBeUndefined();
    expect(health.reasons).toEqual(['1 action overdue', '1 SLA missed the target']);
  });
});
