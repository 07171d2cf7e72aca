import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { detectEncoding } from './detect-encoding';
import { cellText, isMasked, parseDateTime, parseMoneyToFen, parseQuantity } from './normalise-cell';
import { splitAddress } from './split-address';

describe('detectEncoding', () => {
  it('tells UTF-8, its BOM, GB18030 and binary apart', () => {
    expect(detectEncoding(Buffer.from('订单编号,状态\n1,交易成功'))).toBe('utf-8');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b')]))).toBe('utf-8-bom');
    expect(detectEncoding(iconv.encode('订单编号,买家会员名\n1,张三', 'gbk'))).toBe('gb18030');
    expect(detectEncoding(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBeNull();
  });
  it('does not mistake a UTF-8 character cut by the sniffed window for GB18030', () => {
    const bytes = Buffer.from('a,交易成功');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe('utf-8');
  });
});

describe('cell normalisation', () => {
  it('removes Excel text guards', () => {
    expect(cellText('="2026052312345678"')).toBe('2026052312345678');
    expect(cellText("'13800138000")).toBe('13800138000');
    expect(cellText('  plain ')).toBe('plain');
  });
  it('reads amounts exactly in fen', () => {
    expect(parseMoneyToFen('¥1,234.5元')).toBe(123450);
    expect(parseMoneyToFen('0.10')).toBe(10);
    expect(parseMoneyToFen('19.990')).toBe(1999);
    expect(parseMoneyToFen('12.345')).toBeNull();
    expect(parseMoneyToFen('abc')).toBeNull();
    expect(parseMoneyToFen('=1+1')).toBeNull();
  });
  it('reads quantities', () => {
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('3件')).toBe(3);
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('1.5')).toBeNull();
  });
  it('reads dates as wall-clock time of the store, or with their own offset', () => {
    expect(parseDateTime('2026/5/23 22:02', 'Asia/Shanghai')?.toISOString()).toBe('2026-05-23T14:02:00.000Z');
    expect(parseDateTime('2016-05-23 22:02:11', 'Asia/Shanghai')?.toISOString()).toBe('2016-05-23T14:02:11.000Z');
    expect(parseDateTime('2024-05-01 10:00:00 +0000', 'Asia/Shanghai')?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(parseDateTime('2024-05-01 10:00:00 -0400', 'UTC')?.toISOString()).toBe('2024-05-01T14:00:00.000Z');
    expect(parseDateTime('2024-03-10 12:00', 'America/New_York')?.toISOString()).toBe('2024-03-10T16:00:00.000Z');
    expect(parseDateTime('2026-02-30 10:00', 'Asia/Shanghai')).toBeNull();
    expect(parseDateTime('yesterday', 'Asia/Shanghai')).toBeNull();
  });
  it('recognises masked values', () => {
    expect(isMasked('138****5678')).toBe(true);
    expect(isMasked('脱敏')).toBe(true);
    expect(isMasked('13800138000')).toBe(false);
  });
});

describe('splitAddress', () => {
  it("splits Taobao's spaced address with its postcode", () => {
    expect(splitAddress('浙江省 杭州市 西湖区 文三路 100号 (310000)')).toEqual({
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      street: '文三路 100号',
      postalCode: '310000',
    });
  });
  it('splits an unspaced address, municipalities included', () => {
    expect(splitAddress('广东省深圳市南山区科技园路1号')).toMatchObject({
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      street: '科技园路1号',
    });
    expect(splitAddress('北京市朝阳区建国路88号（100022）')).toEqual({
      province: '北京市',
      city: '北京市',
      district: '朝阳区',
      street: '建国路88号',
      postalCode: '100022',
    });
    expect(splitAddress('somewhere')).toBeNull();
  });
});
