import { createLeaderResolver, LeaderRecord } from './leader-resolver';

const leaders: LeaderRecord[] = [
  { id: 'chair', fullName: 'Nguyễn Văn Thành', role: 'chairman' },
  { id: 'vice-1', fullName: 'Trần Thị Hương', role: 'leader' },
  { id: 'vice-2', fullName: 'Lê Văn Hải', role: 'leader' },
];

describe('createLeaderResolver', () => {
  const resolve = createLeaderResolver(leaders);

  it('finds a leader by full name, with or without diacritics', () => {
    expect(resolve('Đ/c Trần Thị Hương - PCT UBND')).toEqual({ userId: 'vice-1' });
    expect(resolve('Le Van Hai')).toEqual({ userId: 'vice-2' });
  });

  it('finds a leader by office and given name, only right after the office', () => {
    expect(resolve('PCT Hương')).toEqual({ userId: 'vice-1' });
    expect(resolve('Phó Chủ tịch UBND Hải')).toEqual({ userId: 'vice-2' });
    expect(resolve('CT Thành')).toEqual({ userId: 'chair' });
    // The given name of a leader of another office, or a word elsewhere, names nobody.
    expect(resolve('CT Hương').userId).toBeNull();
    expect(resolve('PCT phụ trách Hải quan').userId).toBeNull();
    const phuong = createLeaderResolver([
      ...leaders,
      { id: 'vice-3', fullName: 'Đỗ Thị Phương', role: 'leader' },
    ]);
    expect(phuong('Các PCT UBND phường').userId).toBeNull();
    // Two leaders of the office bearing it: left for a person.
    const namesakes = createLeaderResolver([
      ...leaders,
      { id: 'vice-3', fullName: 'Phạm Thu Hương', role: 'leader' },
    ]);
    expect(namesakes('PCT Hương').userId).toBeNull();
  });

  it('maps "Chủ tịch" to the only chairman, never a vice-chairman', () => {
    expect(resolve('Chủ tịch UBND phường')).toEqual({ userId: 'chair' });
    expect(resolve('Phó Chủ tịch UBND phường').userId).toBeNull();
  });

  it('maps "Phó Chủ tịch" only when the ward has one vice-chairman', () => {
    const single = createLeaderResolver(leaders.slice(0, 2));
    expect(single('Phó Chủ tịch UBND')).toEqual({ userId: 'vice-1' });
  });

  it('leaves anything else for a person, saying so', () => {
    expect(resolve('Lãnh đạo UBND')).toEqual({
      userId: null,
      note: "Chưa xác định được lãnh đạo phụ trách 'Lãnh đạo UBND'; cần chọn người sau khi nhập.",
    });
  });

  it('keeps the one found in a cell naming several people, with a note', () => {
    const single = createLeaderResolver(leaders.slice(0, 2));
    expect(single('Chủ tịch, Phó Chủ tịch UBND')).toEqual({
      userId: 'vice-1',
      note: "Ô lãnh đạo phụ trách 'Chủ tịch, Phó Chủ tịch UBND' ghi nhiều người; đã lấy Trần Thị Hương, cần kiểm tra.",
    });
    expect(resolve('Chủ tịch UBND; Đ/c Lê Văn Hải').note).toMatch(/ghi nhiều người/);
    // a name and that person's office is one person
    expect(resolve('Đ/c Trần Thị Hương, PCT UBND')).toEqual({ userId: 'vice-1' });
    expect(resolve('Đ/c Nguyễn Văn Thành, Chủ tịch UBND')).toEqual({ userId: 'chair' });
  });
});
