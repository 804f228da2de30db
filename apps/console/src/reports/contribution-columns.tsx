import { Space, Tag, type TableColumnsType } from 'antd';

import { formatIsoDate } from '../common/format';
import type { Contribution } from './types';

/** The columns every table of units' contributions shows (the ward's report page, the province's). */
export const CONTRIBUTION_COLUMNS: TableColumnsType<Contribution> = [
  { title: 'Đơn vị', dataIndex: 'unitName' },
  {
    title: 'Trạng thái',
    key: 'state',
    width: 200,
    render: (_: unknown, row) => (
      <Space size={4} wrap>
        {row.stateLabel}
        {row.late && <Tag className="tone-bad">Muộn</Tag>}
      </Space>
    ),
  },
  { title: 'Hạn', dataIndex: 'dueDate', width: 110, render: formatIsoDate },
  { title: 'Ngày gửi', dataIndex: 'submittedOn', width: 110, render: formatIsoDate },
];
