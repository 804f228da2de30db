import { Form, Input } from 'antd';

/**
 * The required "Lý do" of a return, an escalation or a closing (PAR review, report and
 * contribution returns, inspection findings): the API refuses a blank one, so the form does too.
 */
export function ReasonField({ name = 'reason' }: { name?: string }) {
  return (
    <Form.Item
      name={name}
      label="Lý do"
      rules={[{ required: true, whitespace: true, message: 'Cần nêu lý do' }]}
    >
      <Input.TextArea rows={3} maxLength={5000} showCount />
    </Form.Item>
  );
}
