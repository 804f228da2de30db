import { AnyMachineSnapshot, transition } from 'xstate';
import { Actor, TASK_EVENT_TYPES, TASK_STATES } from '@cchc/domain';
import { reformTaskMachine } from '@cchc/workflows';
import { machineStep } from './machine-step';

const actors: Actor[] = [
  { kind: 'user', userId: 'officer-1', role: 'officer', unitId: 'unit-A' },
  { kind: 'user', userId: 'leader-1', role: 'leader', unitId: 'office' },
  { kind: 'system' },
];

describe('machineStep', () => {
  it("gives xstate's transition() result for every state, event and sender", () => {
    let moved = 0;
    for (const state of TASK_STATES) {
      const snapshot = reformTaskMachine.resolveState({
        value: state,
        context: {
          leadUnitId: 'unit-A',
          leaderId: 'leader-1',
          dueDate: '2026-03-31',
          late: false,
          resumeState: null,
          extensionRequest: null,
        },
      }) as AnyMachineSnapshot;
      for (const type of TASK_EVENT_TYPES) {
        for (const actor of actors) {
          const event = {
            type,
            actor,
            today: '2026-04-10',
            report: 'Xong',
            reason: 'Lý do',
          } as never;
          const expected = outcome(() => transition(reformTaskMachine, snapshot, event));
          const stepped = outcome(() => machineStep(reformTaskMachine, snapshot, event));
          expect(stepped).toEqual(expected);
          if ('value' in stepped && stepped.value !== snapshot.value) moved++;
        }
      }
    }
    // The comparison covers real moves, not only refusals.
    expect(moved).toBeGreaterThan(5);
  });
});

/** What a step gives (state, context, actions to run), or the error it throws. */
function outcome(step: () => [AnyMachineSnapshot, { type: string; params?: unknown }[]]) {
  try {
    const [next, actions] = step();
    const effects = actions.map(({ type, params }) => ({ type, params }));
    return { value: next.value, context: next.context, effects };
  } catch (error) {
    return { error: String(error) };
  }
}
