import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { data, http } from '../api/http';
import { apiFieldErrors, showFieldErrors } from '../common/field-errors';
import { PATHS } from '../paths';
import { useUser } from '../session/session';
import { suggestCode, templateBody, TopicRow } from './checklist-template';
import { apiErrorMessage } from '../common/api-error';

/**
 * The roles PUT/DELETE /inspections/checklist admit (@Roles there decides; this only spares the
 * others buttons the API would refuse).
 */
const EDITORS = ['coordinator', 'inspector'];

const QUERY_KEY = ['inspection-checklist'];

interface Values {
  topics: TopicRow[];
}

/** The ward's checklist template: read by everyone, edited by coordinators and inspectors. */
export function ChecklistTemplatePage() {
  const user = useUser();
  const template = useQuery({
    queryKey: QUERY_KEY,
    queryFn: () => data(http.GET('/inspections/checklist')),
  });
  const editable = EDITORS.includes(user.role);
  return (
    <Space direction="vertical" size="middle" className="page">
      <Link to={PATHS.inspections}>← Kiểm tra</Link>
      <Typography.Title level={1}>Danh mục kiểm tra</Typography.Title>
      {template.isError && <Alert type="error" showIcon title={apiErrorMessage(template.error)} />}
      {template.isPending && <Spin />}
      {template.data && (
        <>
          <Typography.Paragraph>
            {template.data.source === 'ward' ? (
              <Tag color="blue">Danh mục riêng của phường</Tag>
            ) : (
              <Tag>Danh mục mặc định</Tag>
            )}
            Đợt kiểm tra lập mới dùng danh mục này; đợt đã lập giữ danh mục của nó.
          </Typography.Paragraph>
          {editable ? (
            // Keyed by the saved list, so that a save or a restore starts the form afresh.
            <TemplateForm key={JSON.stringify(template.data)} {...template.data} />
          ) : (
            <List
              bordered
              dataSource={template.data.topics}
              renderItem={(topic, index) => (
                <List.Item>
                  {index + 1}. {topic.title}
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Space>
  );
}

function TemplateForm({ topics, source }: { topics: TopicRow[]; source: 'default' | 'ward' }) {
  const [form] = Form.useForm<Values>();
  // Watched, so that the buttons' names follow a title as it is typed.
  const rows = (Form.useWatch('topics', { form, preserve: true }) ?? []) as (
    TopicRow | undefined
  )[];
  const queryClient = useQueryClient();
  const saved = (view: { topics: TopicRow[]; source: 'default' | 'ward' }) =>
    queryClient.setQueryData(QUERY_KEY, view);
  const save = useMutation({
    mutationFn: (values: Values) =>
      data(http.PUT('/inspections/checklist', { body: { topics: templateBody(values.topics) } })),
    onSuccess: saved,
    onError: (error) => showFieldErrors(form, error),
  });
  const reset = useMutation({
    mutationFn: () => data(http.DELETE('/inspections/checklist')),
    onSuccess: saved,
  });
  const error = save.error ?? reset.error;
  /** A new topic's code follows its title until the user types a code of their own. */
  const followTitle = (index: number, title: string) => {
    const current = form.getFieldValue('topics') as TopicRow[];
    if (current[index].saved || form.isFieldTouched(['topics', index, 'code'])) return;
    const taken = current.filter((_, other) => other !== index).map((other) => other.code);
    form.setFieldValue(['topics', index, 'code'], suggestCode(title, taken));
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ topics: topics.map((topic) => ({ ...topic, saved: true })) }}
      onFinish={(values) => save.mutate(values)}
    >
      {error && apiFieldErrors(error).length === 0 && (
        <Alert type="error" showIcon title={apiErrorMessage(error)} />
      )}
      <Form.List name="topics">
        {(fields, { add, remove, move }) => (
          <>
            <ol className="checklist-template">
              {fields.map((field, index) => {
                const row = rows[field.name];
                const name = row?.title?.trim() || `nội dung ${index + 1}`;
                return (
                  <li key={field.key} className="checklist-template-row">
                    <Form.Item
                      name={[field.name, 'title']}
                      label={`Nội dung ${index + 1}`}
                      rules={[{ required: true, whitespace: true, message: 'Nhập tên nội dung' }]}
                      className="checklist-template-title"
                    >
                      <Input
                        maxLength={255}
                        onChange={(event) => followTitle(field.name, event.target.value)}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'code']}
                      label={`Mã ${index + 1}`}
                      rules={[{ required: true, message: 'Nhập mã nội dung' }]}
                      className="checklist-template-code"
                    >
                      <Input maxLength={32} disabled={row?.saved === true} />
                    </Form.Item>
                    <Space className="checklist-template-actions">
                      <Button
                        aria-label={`Chuyển lên: ${name}`}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      >
                        ↑
                      </Button>
                      <Button
                        aria-label={`Chuyển xuống: ${name}`}
                        disabled={index === fields.length - 1}
                        onClick={() => move(index, index + 1)}
                      >
                        ↓
                      </Button>
                      <Button
                        danger
                        aria-label={`Xóa: ${name}`}
                        disabled={fields.length === 1}
                        onClick={() => remove(field.name)}
                      >
                        Xóa
                      </Button>
                    </Space>
                  </li>
                );
              })}
            </ol>
            <Space wrap>
              <Button onClick={() => add({ code: '', title: '' })} disabled={fields.length >= 50}>
                Thêm nội dung
              </Button>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                Lưu danh mục
              </Button>
              {source === 'ward' && (
                <Popconfirm
                  title="Khôi phục danh mục mặc định?"
                  description="Danh mục riêng của phường sẽ bị thay bằng danh mục mặc định."
                  okText="Khôi phục"
                  cancelText="Đóng"
                  onConfirm={() => reset.mutate()}
                >
                  <Button loading={reset.isPending}>Khôi phục danh mục mặc định</Button>
                </Popconfirm>
              )}
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}
