/** The instance does not exist (→ 404). */
export class InstanceNotFoundError extends Error {
  constructor(
    readonly instanceType: string,
    readonly instanceId: string,
  ) {
    super(`Không tìm thấy ${instanceType} ${instanceId}`);
  }
}

/** The client acted on an old version: someone else moved the instance first (→ 409). */
export class StaleVersionError extends Error {
  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `Dữ liệu đã được cập nhật bởi người khác (phiên bản hiện tại ${currentVersion}, ` +
        `yêu cầu gửi theo phiên bản ${expectedVersion}). Hãy tải lại và thử lại.`,
    );
  }
}

/**
 * The machine refused the event: `state` (→ 409, the state does not take it),
 * `role` (→ 403, the actor may not send it) or `precondition` (→ 409, e.g. nothing to decide).
 */
export class EventRefusedError extends Error {
  constructor(
    readonly kind: 'state' | 'role' | 'precondition',
    message: string,
    readonly state: string,
    readonly stateLabel: string,
    readonly allowedEvents: string[],
  ) {
    super(message);
  }
}

/** A snapshot written by a machine version this engine cannot read. */
export class MachineVersionError extends Error {}
