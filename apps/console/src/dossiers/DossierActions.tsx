import { useMutation } from '@tanstack/react-query';
import { DOSSIER_EVENT_LABELS } from '@cchc/domain';
import { Alert, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import { Dayjs } from 'dayjs';
import { useState } from 'react';
import { data, http } from '../api/http';
import { apiErrorMessage } from '../common/api-error';
import type { Dossier } from './types';

/** The events a user sends from the dossier's page; signing a slip lives with the slips. */
const PAGE_EVENTS = [
  'START_PROCESSING',
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT_RECEIVED',
  'REPORT_DELAY',
  'RECORD_RESULT',
  'RETURN_RESULT',
  'REJECT',
  'WITHDRAW',
] as const;
type PageEvent = (typeof PAGE_EVENTS)[number];

/** What each event asks for before it is sent (the API refuses it without). */
const NEEDS_REASON: readonly PageEvent[] = [
  'REQUEST_SUPPLEMENT',
  'REPORT_DELAY',
  'REJECT',
  'WITHDRAW',
];
const REASON_LABELS: Partial<Record<PageEvent, string>> = {
  REQUEST_SUPPLEMENT: 'Nội dung cần bổ sung',
  REPORT_DELAY: 'Lý do trễ hạn',
  REJECT: 'Lý do từ chối',
  WITHDRAW: 'Lý do rút hồ sơ',
};
/** Ends the dossier: the button is marked as dangerous. */
const CLOSING: readonly PageEvent[] = ['REJECT', 'WITHDRAW'];

interface EventForm {
  reason?: string;
  proposedDate?: Dayjs;
}

/**
 * The dossier's next steps for the signed-in user, as the API allows them (`allowedEvents`):
 * each asks for what it needs and is confirmed in a dialog, then sent at the version shown.
 */
export function DossierActions({
  dossier,
  onChanged,
}: {
  dossier: Dossier;
  onChanged: () => void;
}) {
  const [open, setOpen] = useState<PageEvent | null>(null);
  const [form] = Form.useForm<EventForm>();
  const send = useMutation({
    mutationFn: ({ type, values }: { type: PageEvent; values: EventForm }) =>
      data(
        http.POST('/dossiers/{code}/events', {
          params: { path: { code: dossier.code } },
          body: {
            type,
            version: dossier.version,
            reason: values.reason?.trim() || undefined,
            proposedDate: values.proposedDate?.format('YYYY-MM-DD'),
          },
        }),
      ),
    onSuccess: () => {
      setOpen(null);
      form.resetFields();
      onChanged();
    },
  });
  const events = PAGE_EVENTS.filter((type) => dossier.allowedEvents?.includes(type));
  if (events.length === 0) return null;
  const close = () => {
    setOpen(null);
    send.reset();
    form.resetFields();
  };
  return (
    <>
      <Space wrap className="event-buttons">
        {events.map((type) => (
          <Button
            key={type}
            danger={CLOSING.includes(type)}
            type={CLOSING.includes(type) ? 'default' : 'primary'}
            onClick={() => setOpen(type)}
          >
            {DOSSIER_EVENT_LABELS[type]}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? `${DOSSIER_EVENT_LABELS[open]} (${dossier.code})` : undefined}
        okText={open ? DOSSIER_EVENT_LABELS[open] : undefined}
        okButtonProps={{ danger: open !== null && CLOSING.includes(open) }}
        cancelText="Đóng"
        confirmLoading={send.isPending}
        onCancel={close}
        onOk={() =>
          form
            .validateFields()
            .then((values) => open && send.mutate({ type: open, values }))
            // The form shows what is missing beside each field.
            .catch(() => undefined)
        }
        destroyOnHidden
      >
        <Form<EventForm> form={form} layout="vertical" preserve={false}>
          {open && NEEDS_REASON.includes(open) && (
            <Form.Item
              label={REASON_LABELS[open]}
              name="reason"
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: `Nhập ${REASON_LABELS[open]?.toLowerCase()}`,
                },
              ]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {open === 'REPORT_DELAY' && (
            <Form.Item
              label="Ngày hẹn trả đề xuất"
              name="proposedDate"
              rules={[{ required: true, message: 'Chọn ngày hẹn trả đề xuất' }]}
              extra="Trưởng đơn vị ký phiếu xin lỗi và hẹn lại theo ngày này (có thể đổi khi ký)."
            >
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
          )}
          {open && !NEEDS_REASON.includes(open) && (
            <p>
              Xác nhận “{DOSSIER_EVENT_LABELS[open]}” cho hồ sơ {dossier.code} của{' '}
              {dossier.applicant.name}?
            </p>
          )}
          {send.isError && <Alert type="error" showIcon message={apiErrorMessage(send.error)} />}
        </Form>
      </Modal>
    </>
  );
}
