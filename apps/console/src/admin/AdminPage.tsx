import { ROLE_LABELS } from '@cchc/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, data, fileForm, http } from '../api/http';
import type { components } from '../api/schema';
import { apiErrorMessage } from '../common/api-error';
import { useUser } from '../session/session';

type Account = components['schemas']['AccountView'];
type Provisioned = components['schemas']['ProvisionedAccountView'];

const SHEETS = '.xlsx,.csv';

interface RowProblem {
  row: number | null;
  message: string;
}

/** A refused import lists each problem by row; anything else is its message. */
function Refusal({ error }: { error: unknown }) {
  const body = error instanceof ApiError ? error.body : null;
  const problems = (body?.problems as RowProblem[] | undefined) ?? [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={apiErrorMessage(error)}
      description={
        problems.length > 0 && (
          <ul className="admin-problems">
            {problems.map((problem, index) => (
              <li key={index}>
                {problem.row === null ? 'Tệp' : `Dòng ${problem.row}`}: {problem.message}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}

/** New accounts or a reset: the one-time passwords, shown this once. */
function OneTimePasswords({ accounts }: { accounts: Provisioned[] }) {
  return (
    <Alert
      type="success"
      showIcon
      title="Mật khẩu dùng một lần (chỉ hiện lần này; người dùng phải đổi khi đăng nhập lần đầu)"
      description={
        <Table<Provisioned>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={accounts}
          columns={[
            { title: 'Tên đăng nhập', dataIndex: 'username' },
            { title: 'Họ và tên', dataIndex: 'fullName' },
            {
              title: 'Mật khẩu dùng một lần',
              dataIndex: 'oneTimePassword',
              render: (password: string) => <Typography.Text code>{password}</Typography.Text>,
            },
          ]}
        />
      }
    />
  );
}

/**
 * Quản trị đơn vị (the ward admin): the ward's units and accounts, sheets to import them, a
 * one-time password again for who forgot theirs, and locking an account (its sessions end at once).
 */
export function AdminPage() {
  const user = useUser();
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<Provisioned[]>([]);
  const units = useQuery({ queryKey: ['org-units'], queryFn: () => data(http.GET('/org-units')) });
  const accounts = useQuery({
    queryKey: ['accounts'],
    queryFn: () => data(http.GET('/users/accounts')),
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ['accounts'] });
  const importUnits = useMutation({
    mutationFn: (file: File) =>
      data(http.POST('/units/import', { body: { file }, bodySerializer: fileForm })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-units'] }),
  });
  const importUsers = useMutation({
    mutationFn: (file: File) =>
      data(http.POST('/users/import', { body: { file }, bodySerializer: fileForm })),
    onSuccess: (result) => {
      setIssued(result.created);
      void reload();
    },
  });
  const reset = useMutation({
    mutationFn: (id: string) =>
      data(http.POST('/users/{id}/reset-password', { params: { path: { id } } })),
    onSuccess: (account) => {
      setIssued([account]);
      void reload();
    },
  });
  const lock = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      data(http.PATCH('/users/{id}', { params: { path: { id } }, body: { active } })),
    onSuccess: () => reload(),
  });
  const unitName = (id: string | null) => units.data?.find((unit) => unit.id === id)?.name ?? '';
  const upload = (mutate: (file: File) => void) => (file: File) => {
    mutate(file);
    return false; // the file goes to the API, not to antd's own upload
  };

  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Quản trị đơn vị</Typography.Title>

      <Typography.Title level={2} className="section-title">
        Đơn vị
      </Typography.Title>
      <Space wrap>
        <Upload accept={SHEETS} showUploadList={false} beforeUpload={upload(importUnits.mutate)}>
          <Button loading={importUnits.isPending}>Nhập đơn vị từ tệp</Button>
        </Upload>
        <Typography.Text type="secondary">CSV hoặc XLSX: Mã đơn vị, Tên đơn vị</Typography.Text>
      </Space>
      {importUnits.error && <Refusal error={importUnits.error} />}
      {importUnits.data && (
        <Alert
          type="success"
          showIcon
          title={`Đã nhập đơn vị: ${importUnits.data.created} mới, ${importUnits.data.updated} đổi tên`}
        />
      )}
      <Table
        size="small"
        rowKey="id"
        loading={units.isPending}
        dataSource={units.data}
        pagination={false}
        columns={[
          { title: 'Mã đơn vị', dataIndex: 'code' },
          { title: 'Tên đơn vị', dataIndex: 'name' },
        ]}
      />

      <Typography.Title level={2} className="section-title">
        Tài khoản
      </Typography.Title>
      <Space wrap>
        <Upload accept={SHEETS} showUploadList={false} beforeUpload={upload(importUsers.mutate)}>
          <Button loading={importUsers.isPending}>Nhập cán bộ từ tệp</Button>
        </Upload>
        <Typography.Text type="secondary">
          CSV hoặc XLSX: Họ và tên, Tên đăng nhập, Vai trò, Đơn vị, Email, Số điện thoại
        </Typography.Text>
      </Space>
      {importUsers.error && <Refusal error={importUsers.error} />}
      {(reset.error || lock.error) && <Refusal error={reset.error ?? lock.error} />}
      {issued.length > 0 && <OneTimePasswords accounts={issued} />}
      <Table<Account>
        size="small"
        rowKey="id"
        loading={accounts.isPending}
        dataSource={accounts.data}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 960 }}
        columns={[
          { title: 'Tên đăng nhập', dataIndex: 'username' },
          { title: 'Họ và tên', dataIndex: 'fullName' },
          {
            title: 'Vai trò',
            dataIndex: 'role',
            render: (role: Account['role']) => ROLE_LABELS[role],
          },
          { title: 'Đơn vị', dataIndex: 'unitId', render: unitName },
          {
            title: 'Trạng thái',
            key: 'state',
            render: (_, account) => (
              <>
                {account.active ? <Tag>Đang dùng</Tag> : <Tag color="red">Đã khóa</Tag>}
                {account.mustChangePassword && <Tag>Chưa đổi mật khẩu</Tag>}
              </>
            ),
          },
          {
            title: 'Thao tác',
            key: 'actions',
            width: 260,
            render: (_, account) => {
              const who = `${account.username} (${account.fullName})`;
              // The admin's own row offers neither a reset nor a lock: their password is changed
              // with the current one, not replaced by a one-time password they would see here.
              if (account.id === user.id)
                return <Typography.Text type="secondary">Tài khoản của bạn</Typography.Text>;
              return (
                <Space wrap>
                  <Popconfirm
                    title={`Cấp lại mật khẩu cho ${who}?`}
                    description="Mật khẩu dùng một lần mới thay thế mật khẩu cũ; người dùng bị đăng xuất và phải đổi mật khẩu khi đăng nhập lại."
                    okText="Cấp lại mật khẩu"
                    cancelText="Đóng"
                    onConfirm={() => reset.mutate(account.id)}
                  >
                    <Button
                      size="small"
                      aria-label={`Cấp lại mật khẩu: ${account.username}`}
                      loading={reset.isPending && reset.variables === account.id}
                    >
                      Cấp lại mật khẩu
                    </Button>
                  </Popconfirm>
                  {account.active ? (
                    <Popconfirm
                      title={`Khóa tài khoản ${who}?`}
                      description="Người dùng bị đăng xuất ngay và không đăng nhập được cho đến khi được mở khóa."
                      okText="Khóa tài khoản"
                      okButtonProps={{ danger: true }}
                      cancelText="Đóng"
                      onConfirm={() => lock.mutate({ id: account.id, active: false })}
                    >
                      <Button size="small" danger aria-label={`Khóa: ${account.username}`}>
                        Khóa
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button
                      size="small"
                      aria-label={`Mở khóa: ${account.username}`}
                      onClick={() => lock.mutate({ id: account.id, active: true })}
                    >
                      Mở khóa
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </Space>
  );
}
