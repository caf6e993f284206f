// What certification knows of a class, from class-ops' events (docs/contracts.md): who is on the roster,
// when it ends, whether it runs, and each trainee's attendance once it completed.
export type TraineeAttendance = {
  readonly workerId: string;
  readonly sessionsAttended: number;
  readonly sessionsTotal: number;
  readonly daysAttended: number;
};

export type ClassFacts = {
  readonly classId: string;
  readonly institutionId: string;
  readonly jurisdictionCode: string;
  readonly occupationCode: string;
  readonly level: number;
  readonly trainingType: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly workerIds: readonly string[];
  /** approved (running or about to), cancelled, completed */
  readonly status: 'approved' | 'cancelled' | 'completed';
  /** from ClassCompleted */
  readonly trainees: readonly TraineeAttendance[];
  readonly policyVersionIds: readonly string[];
};
