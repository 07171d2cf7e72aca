/** The demo store's catalog: real-looking products in six categories, prices in yuan. */
export interface CatalogProduct {
  code: string;
  category: string;
  brand: string;
  name: string;
  priceYuan: number;
  /** cost as a share of price */
  costShare: number;
  weightGrams: number;
  variants: readonly string[];
  /** how often it sells compared with other products */
  popularity: number;
}

export const CATALOG: readonly CatalogProduct[] = [
  { code: 'FS101', category: '服饰', brand: '棉语', name: '纯棉圆领短袖T恤', priceYuan: 79, costShare: 0.38, weightGrams: 220, variants: ['白色 M', '白色 L', '黑色 L'], popularity: 9 },
  { code: 'FS102', category: '服饰', brand: '棉语', name: '冰丝速干运动裤', priceYuan: 129, costShare: 0.42, weightGrams: 300, variants: ['黑色 L', '灰色 XL'], popularity: 5 },
  { code: 'FS103', category: '服饰', brand: '北纬', name: '轻薄羽绒服 立领款', priceYuan: 399, costShare: 0.5, weightGrams: 650, variants: ['藏青 L', '黑色 XL'], popularity: 3 },
  { code: 'FS104', category: '服饰', brand: '北纬', name: '加绒连帽卫衣', priceYuan: 189, costShare: 0.45, weightGrams: 550, variants: ['燕麦色 M', '雾霾蓝 L'], popularity: 4 },
  { code: 'FS105', category: '服饰', brand: '足迹', name: '中筒纯棉袜 5双装', priceYuan: 39.9, costShare: 0.35, weightGrams: 180, variants: ['混色'], popularity: 8 },
  { code: 'SM201', category: '数码配件', brand: '极电', name: '65W 氮化镓快充充电器', priceYuan: 99, costShare: 0.48, weightGrams: 120, variants: ['白色', '黑色'], popularity: 8 },
  { code: 'SM202', category: '数码配件', brand: '极电', name: 'Type-C 编织快充数据线 1.5米', priceYuan: 29.9, costShare: 0.3, weightGrams: 60, variants: ['1.5米', '2米'], popularity: 10 },
  { code: 'SM203', category: '数码配件', brand: '声悦', name: '主动降噪真无线蓝牙耳机', priceYuan: 299, costShare: 0.55, weightGrams: 150, variants: ['月光白', '曜石黑'], popularity: 5 },
  { code: 'SM204', category: '数码配件', brand: '极电', name: '20000mAh 大容量移动电源', priceYuan: 149, costShare: 0.52, weightGrams: 420, variants: ['白色'], popularity: 6 },
  { code: 'SM205', category: '数码配件', brand: '壳乐', name: '磁吸透明手机壳', priceYuan: 49, costShare: 0.25, weightGrams: 50, variants: ['iPhone 16', 'iPhone 16 Pro', 'iPhone 15'], popularity: 7 },
  { code: 'JJ301', category: '家居', brand: '木兮', name: '日式实木桌面收纳盒', priceYuan: 59, costShare: 0.4, weightGrams: 800, variants: ['原木色'], popularity: 5 },
  { code: 'JJ302', category: '家居', brand: '眠云', name: '60支长绒棉四件套', priceYuan: 459, costShare: 0.46, weightGrams: 2600, variants: ['1.5米床 雾蓝', '1.8米床 米白'], popularity: 3 },
  { code: 'JJ303', category: '家居', brand: '眠云', name: '慢回弹记忆棉枕', priceYuan: 169, costShare: 0.44, weightGrams: 1300, variants: ['标准款'], popularity: 4 },
  { code: 'JJ304', category: '家居', brand: '净界', name: '304不锈钢保温杯 500ml', priceYuan: 89, costShare: 0.4, weightGrams: 350, variants: ['奶白', '墨绿', '樱花粉'], popularity: 7 },
  { code: 'MZ401', category: '美妆', brand: '润颜', name: '玻尿酸补水保湿面膜 10片', priceYuan: 99, costShare: 0.3, weightGrams: 400, variants: ['10片装'], popularity: 8 },
  { code: 'MZ402', category: '美妆', brand: '润颜', name: '烟酰胺亮肤精华液 30ml', priceYuan: 199, costShare: 0.32, weightGrams: 120, variants: ['30ml'], popularity: 5 },
  { code: 'MZ403', category: '美妆', brand: '朱颜', name: '丝绒哑光口红', priceYuan: 139, costShare: 0.28, weightGrams: 40, variants: ['#316 豆沙', '#999 正红'], popularity: 6 },
  { code: 'MZ404', category: '美妆', brand: '清屿', name: '氨基酸温和洁面乳 120g', priceYuan: 69, costShare: 0.33, weightGrams: 160, variants: ['120g'], popularity: 7 },
  { code: 'SP501', category: '食品', brand: '山野集', name: '每日坚果 30包礼盒', priceYuan: 129, costShare: 0.55, weightGrams: 900, variants: ['30包'], popularity: 8 },
  { code: 'SP502', category: '食品', brand: '茶语', name: '明前龙井绿茶 250g', priceYuan: 268, costShare: 0.45, weightGrams: 300, variants: ['250g 罐装'], popularity: 3 },
  { code: 'SP503', category: '食品', brand: '山野集', name: '冻干草莓脆 100g', priceYuan: 35.9, costShare: 0.5, weightGrams: 120, variants: ['100g'], popularity: 6 },
  { code: 'SP504', category: '食品', brand: '滇香', name: '云南小粒咖啡豆 500g', priceYuan: 88, costShare: 0.5, weightGrams: 520, variants: ['中烘', '深烘'], popularity: 4 },
  { code: 'MY601', category: '母婴', brand: '小芽', name: '婴儿纸尿裤 L码 54片', priceYuan: 119, costShare: 0.6, weightGrams: 1500, variants: ['L 54片', 'XL 48片'], popularity: 7 },
  { code: 'MY602', category: '母婴', brand: '小芽', name: '婴儿纯棉柔巾 6包', priceYuan: 59.9, costShare: 0.5, weightGrams: 900, variants: ['6包'], popularity: 6 },
  { code: 'MY603', category: '母婴', brand: '贝护', name: 'PPSU宽口径奶瓶 240ml', priceYuan: 129, costShare: 0.4, weightGrams: 200, variants: ['240ml'], popularity: 3 },
  { code: 'MY604', category: '母婴', brand: '贝护', name: '儿童硅胶辅食碗勺套装', priceYuan: 69, costShare: 0.38, weightGrams: 350, variants: ['薄荷绿', '奶油黄'], popularity: 4 },
  { code: 'FS106', category: '服饰', brand: '北纬', name: '高腰直筒牛仔裤', priceYuan: 229, costShare: 0.43, weightGrams: 600, variants: ['浅蓝 30', '浅蓝 32', '黑色 31'], popularity: 4 },
  { code: 'SM206', category: '数码配件', brand: '声悦', name: '便携防水蓝牙音箱', priceYuan: 199, costShare: 0.5, weightGrams: 480, variants: ['曜石黑', '湖水蓝'], popularity: 3 },
  { code: 'JJ305', category: '家居', brand: '净界', name: '麦饭石不粘炒锅', priceYuan: 259, costShare: 0.45, weightGrams: 2100, variants: ['30cm', '32cm'], popularity: 3 },
  { code: 'JJ306', category: '家居', brand: '木兮', name: '香薰蜡烛礼盒', priceYuan: 79, costShare: 0.35, weightGrams: 450, variants: ['雪松', '白茶'], popularity: 4 },
  { code: 'MZ405', category: '美妆', brand: '清屿', name: '清爽防晒乳 SPF50+', priceYuan: 119, costShare: 0.3, weightGrams: 90, variants: ['50ml', '100ml'], popularity: 6 },
  { code: 'SP505', category: '食品', brand: '蜜语', name: '秦岭土蜂蜜', priceYuan: 68, costShare: 0.48, weightGrams: 600, variants: ['500g', '1kg'], popularity: 4 },
  { code: 'MY605', category: '母婴', brand: '小芽', name: '婴儿纯棉连体衣', priceYuan: 89, costShare: 0.4, weightGrams: 150, variants: ['66码', '73码', '80码'], popularity: 5 },
];

/** Warehouses of the demo store with their bin-location aisles. */
export const DEMO_WAREHOUSES = [
  { code: 'SH', name: '上海仓', province: '上海市', city: '上海市', address: '嘉定区安亭镇墨玉南路888号 物流园B区', contactName: '陈建国', contactPhone: '13916628810', aisles: ['A', 'B', 'C'] },
  { code: 'GZ', name: '广州仓', province: '广东省', city: '广州市', address: '白云区太和镇永兴村物流大道18号', contactName: '黄志强', contactPhone: '13826410932', aisles: ['A', 'B'] },
  { code: 'BJ', name: '北京仓', province: '北京市', city: '北京市', address: '大兴区亦庄经济开发区兴业街6号', contactName: '刘海涛', contactPhone: '13701129876', aisles: ['A', 'B'] },
] as const;

/** Which warehouse ships to a province: the nearest of the three. */
export function nearestWarehouseCode(province: string): 'SH' | 'GZ' | 'BJ' {
  if (['广东省', '广西壮族自治区', '福建省', '云南省', '湖南省', '江西省', '四川省', '重庆市'].includes(province)) return 'GZ';
  if (['北京市', '天津市', '河北省', '辽宁省', '黑龙江省', '山东省', '河南省', '陕西省', '新疆维吾尔自治区'].includes(province)) return 'BJ';
  return 'SH';
}
