import { describe, expect, it } from 'vitest';
import { countVariants, generateVariants, parseSpecValues } from './variants';

describe('generateVariants', () => {
  it('makes every colour x size, first attribute slowest, with numbered codes', () => {
    const variants = generateVariants(
      [
        { name: '颜色', values: ['红', '蓝'] },
        { name: '尺码', values: ['M', 'L', 'XL'] },
      ],
      'TEE',
    );
    expect(variants.map((v) => [v.code, v.label])).toEqual([
      ['TEE-01', '红 / M'],
      ['TEE-02', '红 / L'],
      ['TEE-03', '红 / XL'],
      ['TEE-04', '蓝 / M'],
      ['TEE-05', '蓝 / L'],
      ['TEE-06', '蓝 / XL'],
    ]);
    expect(variants[4].specValues).toEqual({ 颜色: '蓝', 尺码: 'L' });
    expect(
      countVariants([
        { name: 'a', values: ['1', '2'] },
        { name: 'b', values: ['x', 'y'] },
      ]),
    ).toBe(4);
  });

  it('ignores attributes without values; none gives one plain SKU', () => {
    expect(generateVariants([{ name: '颜色', values: [] }], 'MUG')).toEqual([
      { specValues: {}, label: '', code: 'MUG' },
    ]);
    expect(
      generateVariants(
        [
          { name: '容量', values: ['350ml'] },
          { name: '颜色', values: [] },
        ],
        'MUG',
      ),
    ).toEqual([{ specValues: { 容量: '350ml' }, label: '350ml', code: 'MUG-01' }]);
  });

  it('pads codes to the width of the count', () => {
    const many = generateVariants([{ name: 'n', values: Array.from({ length: 100 }, (_, i) => String(i)) }], 'X');
    expect(many.at(-1)!.code).toBe('X-100');
    expect(many[0].code).toBe('X-001');
  });
});

describe('parseSpecValues', () => {
  it('splits on ASCII and full-width commas and 、, trims, drops blanks and repeats', () => {
    expect(parseSpecValues('红, 蓝，绿、 红 ,, ')).toEqual(['红', '蓝', '绿']);
  });
});
