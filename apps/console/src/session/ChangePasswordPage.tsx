import { PASSWORD_MIN_LENGTH, PASSWORD_RULE } from '@cchc/domain';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, data, http } from '../api/http';
import { apiErrorMessage, UNREACHABLE } from '../common/api-error';

interface Passwords {
  currentPassword: string;
  newPassword: string;
  repeated: string;
}

interface Props {
  fullName: string;
  /** The password was changed: read the user again. */
  onChanged(): Promise<void>;
  onSignOut(): void;
}

/**
 * Shown instead of every screen while the user still holds a one-time password (a new account
 * or an admin reset): the API refuses everything else until it is replaced.
 */
export function ChangePasswordPage({ fullName, onChanged, onSignOut }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit({ currentPassword, newPassword }: Passwords) {
    setBusy(true);
    setError(null);
    try {
      await data(http.POST('/auth/password', { body: { currentPassword, newPassword } }));
      await onChanged();
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status < 500
          ? apiErrorMessage(caught, 'Không đổi được mật khẩu')
          : UNREACHABLE,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <Card className="login-card">
        <Typography.Title level={1} className="login-title">
          Đổi mật khẩu
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          className="login-alert"
          title={`Xin chào ${fullName}. Mật khẩu hiện tại chỉ dùng một lần: hãy đặt mật khẩu mới trước khi làm việc.`}
        />
        {error && (
          <Alert type="error" showIcon title={error} className="login-alert" role="alert" />
        )}
        <Form<Passwords> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label="Mật khẩu hiện tại"
            name="currentPassword"
            rules={[{ required: true, message: 'Nhập mật khẩu hiện tại' }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label="Mật khẩu mới"
            name="newPassword"
            extra={PASSWORD_RULE}
            rules={[
              { required: true, message: 'Nhập mật khẩu mới' },
              { min: PASSWORD_MIN_LENGTH, message: PASSWORD_RULE },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="Nhập lại mật khẩu mới"
            name="repeated"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: 'Nhập lại mật khẩu mới' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('Hai lần nhập mật khẩu mới không khớp')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            Đổi mật khẩu
          </Button>
          <Button type="link" block onClick={onSignOut}>
            Đăng xuất
          </Button>
        </Form>
      </Card>
    </main>
  );
}
