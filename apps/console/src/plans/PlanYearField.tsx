import { Button, Form, Input, Space, type InputRef } from 'antd';
import { useEffect, useRef } from 'react';
import type { PlanYearState } from './plan-import-view';

/**
 * "Năm kế hoạch": the year the preview read, which the coordinator may change; needed (and
 * focused) when the document names none. The API checks it: its refusal shows beside the field.
 * "Xem trước lại" (or Enter) reads the plan again with the year typed.
 */
export function PlanYearField({
  state,
  previewing,
  onType,
  onPreview,
}: {
  state: PlanYearState;
  previewing: boolean;
  onType: (text: string) => void;
  onPreview: () => void;
}) {
  const input = useRef<InputRef>(null);
  const error = state.status?.level === 'error' ? state.status.message : null;
  useEffect(() => {
    if (error) input.current?.focus();
  }, [error]);
  return (
    <Form layout="vertical" onFinish={onPreview}>
      <Form.Item
        label="Năm kế hoạch"
        htmlFor="plan-year"
        style={{ marginBottom: 0 }}
        validateStatus={state.status?.level}
        help={state.status?.message}
        extra={state.status ? undefined : 'Sửa nếu văn bản ghi sai năm, rồi bấm “Xem trước lại”.'}
      >
        <Space.Compact>
          <Input
            id="plan-year"
            ref={input}
            inputMode="numeric"
            maxLength={4}
            placeholder="VD: 2026"
            value={state.value}
            // Digits only; whether the year is one a plan may have is the API's rule.
            onChange={(event) => onType(event.target.value.replace(/\D/g, ''))}
            style={{ width: 120 }}
          />
          <Button htmlType="submit" loading={previewing}>
            Xem trước lại
          </Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );
}
