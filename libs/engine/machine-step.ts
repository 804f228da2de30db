import {
  AnyActorScope,
  AnyMachineSnapshot,
  AnyStateMachine,
  createActor,
  EventObject,
  ExecutableActionObject,
} from 'xstate';

type InertScope = Omit<AnyActorScope, 'actionExecutor'>;

const scopes = new WeakMap<AnyStateMachine, InertScope>();

/**
 * xstate's pure `transition()` without its per-call cost: it builds a fresh actor for every call
 * (computing the machine's initial snapshot each time), which was half of a transition's CPU. One
 * unstarted actor per machine stands in as `self`; the persisted machines spawn no child actors,
 * so nothing is ever registered in its system. Returns the next snapshot and the actions to run.
 */
export function machineStep(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: EventObject,
): [AnyMachineSnapshot, ExecutableActionObject[]] {
  const actions: ExecutableActionObject[] = [];
  const scope: AnyActorScope = {
    ...inertScope(machine),
    actionExecutor: (action) => actions.push(action),
  };
  return [machine.transition(snapshot, event, scope), actions];
}

function inertScope(machine: AnyStateMachine): InertScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: () => undefined,
      defer: () => undefined,
      emit: () => undefined,
      stopChild: () => undefined,
    };
    scopes.set(machine, scope);
  }
  return scope;
}
