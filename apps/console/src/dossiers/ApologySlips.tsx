import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Space,
  Typography,
} from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { data, http } from '../api/http';
import { apiErrorMessage } from '../common/api-error';
import type { ApologySlip, Dossier } from './types';
import { formatIsoDate } from '../common/format';
import { awaitingIssue } from './slip-issuing';

interface SignForm {
  reason?: string;
  newAppointmentDate?: Dayjs;
}

/** The head signs the draft (APPROVE_APOLOGY), possibly with another reason or date. */
function SignSlip({ dossier, slip, onSigned }: Props & { slip: ApologySlip }) {
  const { modal } = App.useApp();
  const sign = useMutation({
    mutationFn: (values: SignForm) =>
      data(
        http.POST('/dossiers/{code}/events', {
          params: { path: { code: dossier.code } },
          body: {
            type: 'APPROVE_APOLOGY',
            version: dossier.version,
            reason: values.reason?.trim() || undefined,
            newAppointmentDate: values.newAppointmentDate?.format('YYYY-MM-DD'),
          },
        }),
      ),
    onSuccess: () => onSigned(slip.round),
  });
  // Signing issues an official, numbered document: the head confirms it first.
  const confirm = (values: SignForm) =>
    modal.confirm({
      title: `Ký và phát hành phiếu xin lỗi lần ${slip.round}?`,
      content:
        `Phiếu được cấp số và phát hành chính thức, hẹn trả hồ sơ ngày ` +
        `${values.newAppointmentDate?.format('DD/MM/YYYY') ?? formatIsoDate(slip.newAppointmentDate)}. ` +
        'Sau khi ký, phiếu không còn sửa được.',
      okText: 'Ký và phát hành',
      cancelText: 'Đóng',
      onOk: () => sign.mutate(values),
    });
  return (
    <Form<SignForm>
      layout="vertical"
      initialValues={{
        reason: slip.reason ?? undefined,
        newAppointmentDate: dayjs(slip.newAppointmentDate),
      }}
      onFinish={confirm}
    >
      {sign.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={apiErrorMessage(sign.error, 'Không ký được phiếu; vui lòng thử lại')}
        />
      )}
      <Form.Item label="Lý do" name="reason">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item label="Ngày hẹn trả mới" name="newAppointmentDate">
        <DatePicker format="DD/MM/YYYY" allowClear={false} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sign.isPending}>
        Ký phiếu
      </Button>
    </Form>
  );
}

interface Props {
  dossier: Dossier;
  onSigned: (round: number) => void;
}

/** The dossier's apology slips: details, downloads, and for the head the draft to sign. */
export function ApologySlips({ dossier, onSigned }: Props) {
  const slips = dossier.apologies ?? [];
  const mayApprove = dossier.allowedEvents?.includes('APPROVE_APOLOGY') ?? false;
  if (slips.length === 0) return <Typography.Text>Chưa có phiếu xin lỗi.</Typography.Text>;
  return (
    <Space direction="vertical" size="middle" className="page">
      {slips.map((slip) => (
        <Card
          key={slip.id}
          size="small"
          title={`Phiếu lần ${slip.round}${slip.number ? ` — số ${slip.number}` : ''}`}
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label="Tình trạng">
              {slip.status === 'issued'
                ? `Đã ký ngày ${formatIsoDate(slip.issuedOn)}`
                : awaitingIssue(dossier, slip)
                  ? 'Đã ký, đang phát hành phiếu…'
                  : 'Dự thảo, chờ ký'}
            </Descriptions.Item>
            <Descriptions.Item label="Diện">
              {slip.trigger === 'overdue' ? 'Quá hạn hẹn trả' : 'Báo trước trễ hạn'}
            </Descriptions.Item>
            <Descriptions.Item label="Ngày hẹn trả đã lỡ">
              {formatIsoDate(slip.missedAppointmentDate)}
            </Descriptions.Item>
            <Descriptions.Item label="Ngày hẹn trả mới">
              {formatIsoDate(slip.newAppointmentDate)}
            </Descriptions.Item>
            <Descriptions.Item label="Lý do" span={2}>
              {slip.reason ??
                (awaitingIssue(dossier, slip)
                  ? 'Lý do đã ghi khi ký, hiện khi phiếu được cấp số'
                  : '—')}
            </Descriptions.Item>
            <Descriptions.Item label="Người ký" span={2}>
              {slip.signerName} — {slip.signerPosition}
            </Descriptions.Item>
          </Descriptions>
          {slip.documents ? (
            <Space wrap className="event-buttons">
              {/* A draft is no slip yet: its download says so. */}
              <a href={slip.documents.docx} download>
                {slip.status === 'issued' ? 'Tải phiếu DOCX' : 'Tải dự thảo DOCX'}
              </a>
              <a href={slip.documents.pdf} download>
                {slip.status === 'issued' ? 'Tải phiếu PDF' : 'Tải dự thảo PDF'}
              </a>
            </Space>
          ) : (
            <Typography.Paragraph type="secondary" className="event-buttons">
              Phiếu ghi thông tin liên hệ của người nộp: chỉ Bộ phận một cửa, Chủ tịch, Đoàn kiểm
              tra và đơn vị giải quyết hồ sơ được tải phiếu.
            </Typography.Paragraph>
          )}
          {slip.status === 'draft' && mayApprove && (
            <Space direction="vertical" size="middle" className="page" style={{ marginTop: 16 }}>
              {slip.documents && (
                <iframe
                  style={{ width: '100%', height: 480, border: '1px solid #d9d9d9' }}
                  title={`Xem trước phiếu lần ${slip.round}`}
                  src={`${slip.documents.pdf}&inline=true`}
                />
              )}
              <SignSlip dossier={dossier} slip={slip} onSigned={onSigned} />
            </Space>
          )}
        </Card>
      ))}
    </Space>
  );
}
