import type { ApologySlipData } from './apology-slip';

/** An issued slip with every optional field filled; specs derive drafts and variants from it. */
export const ISSUED_SLIP: ApologySlipData = {
  agency: {
    superior: 'UBND phường Lê Thanh Nghị',
    name: 'Phòng Văn hóa - Xã hội',
    place: 'Hải Dương',
  },
  number: '12/PXL-VHXH',
  issuedOn: '2026-03-05',
  applicant: {
    name: 'Nguyễn Thị Hằng',
    address: 'Số 15 phố Trần Hưng Đạo, phường Lê Thanh Nghị, thành phố Hải Phòng',
    phone: '0912 345 678',
    email: 'hang.nguyen@example.vn',
  },
  dossierCode: 'H23.45-260302-0017',
  procedureName: 'Thủ tục xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình',
  procedureCode: '1.001193',
  receivedOn: '2026-02-23',
  originalAppointment: '2026-03-06',
  missedAppointment: '2026-03-06',
  reason:
    'Hồ sơ cần xác minh thêm thông tin về thu nhập của hộ gia đình tại tổ dân phố, ' +
    'thời gian xác minh kéo dài thêm 05 ngày làm việc',
  newAppointment: '2026-03-13',
  signer: { position: 'Trưởng phòng', name: 'Trần Văn Đức' },
  draft: false,
};

export const DRAFT_SLIP: ApologySlipData = { ...ISSUED_SLIP, number: null, draft: true };

/** What a reader must find in the rendered text of ISSUED_SLIP, whatever the format. */
export const ISSUED_SLIP_FIELDS = [
  'UBND PHƯỜNG LÊ THANH NGHỊ',
  'PHÒNG VĂN HÓA - XÃ HỘI',
  'Số: 12/PXL-VHXH',
  'Hải Dương, ngày 05 tháng 3 năm 2026',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  'Kính gửi: Ông/Bà/Tổ chức Nguyễn Thị Hằng',
  'Địa chỉ: Số 15 phố Trần Hưng Đạo, phường Lê Thanh Nghị, thành phố Hải Phòng',
  'Điện thoại: 0912 345 678; Thư điện tử: hang.nguyen@example.vn',
  'Mã hồ sơ: H23.45-260302-0017',
  'Thủ tục xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình (mã thủ tục: 1.001193)',
  'Ngày 23/02/2026, Phòng Văn hóa - Xã hội tiếp nhận hồ sơ',
  'Giấy tiếp nhận hồ sơ và hẹn trả kết quả: ngày 06/03/2026',
  'Lý do: Hồ sơ cần xác minh thêm thông tin về thu nhập của hộ gia đình tại tổ dân phố, ' +
    'thời gian xác minh kéo dài thêm 05 ngày làm việc.',
  'hẹn lại ngày trả kết quả giải quyết hồ sơ là ngày 13/03/2026',
  'TRƯỞNG PHÒNG',
  'Trần Văn Đức',
];
