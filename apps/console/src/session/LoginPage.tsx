import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ApiError } from '../api/http';
import { useSession } from './session';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { user, signIn } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  const notice = (location.state as { message?: string } | null)?.message;

  if (user) return <Navigate to={next} replace />;

  async function submit({ username, password }: Credentials) {
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status < 500
          ? (caught.body.message ?? 'Không đăng nhập được')
          : 'Không kết nối được máy chủ; vui lòng thử lại',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <Card className="login-card">
        <Typography.Title level={1} className="login-title">
          Theo dõi nhiệm vụ cải cách hành chính
        </Typography.Title>
        {notice && !error && <Alert type="info" showIcon title={notice} className="login-alert" />}
        {error && (
          <Alert type="error" showIcon title={error} className="login-alert" role="alert" />
        )}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            rules={[{ required: true, message: 'Nhập tên đăng nhập' }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label="Mật khẩu"
            name="password"
            rules={[{ required: true, message: 'Nhập mật khẩu' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </main>
  );
}

/** Only paths of this console, never another site; without one, home decides by role. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
