/** A mainland address written in one string, split into the parts an order keeps. */
export interface SplitAddress {
  province: string;
  city: string;
  district: string | null;
  street: string;
  postalCode: string | null;
}

const POSTCODE = /\s*[(（]\s*(\d{6})\s*[)）]\s*$/;
const MUNICIPALITIES = ['北京', '上海', '天津', '重庆'];
const PROVINCE = /^(.+?(?:省|自治区|特别行政区)|北京市?|上海市?|天津市?|重庆市?)/;
const CITY = /^(.{1,12}?(?:自治州|地区|盟|市))/;
const DISTRICT = /^(.{1,10}?(?:区|县|旗|市))/;

/**
 * "浙江省 杭州市 西湖区 文三路100号 (310000)" or the same without spaces -> its parts; Taobao
 * separates them with spaces, others do not. Null when no province and city can be found.
 */
export function splitAddress(text: string): SplitAddress | null {
  const postcodeMatch = POSTCODE.exec(text);
  const postalCode = postcodeMatch ? postcodeMatch[1] : null;
  const body = (postcodeMatch ? text.slice(0, postcodeMatch.index) : text).trim();
  const spaced = body.split(/\s+/);
  if (spaced.length >= 4 && PROVINCE.test(spaced[0])) {
    return { province: spaced[0], city: spaced[1], district: spaced[2], street: spaced.slice(3).join(' '), postalCode };
  }
  return splitUnspaced(body.replace(/\s+/g, ''), postalCode);
}

function splitUnspaced(body: string, postalCode: string | null): SplitAddress | null {
  const province = PROVINCE.exec(body)?.[1];
  if (!province) return null;
  let rest = body.slice(province.length);
  const municipality = MUNICIPALITIES.find((m) => province.startsWith(m));
  let city: string;
  if (municipality) {
    // 北京市北京市朝阳区… or 北京市朝阳区…: the city is the municipality itself
    city = `${municipality}市`;
    if (rest.startsWith(city)) rest = rest.slice(city.length);
    else if (rest.startsWith('市辖区')) rest = rest.slice(3);
  } else {
    const match = CITY.exec(rest)?.[1];
    if (!match) return null;
    city = match;
    rest = rest.slice(city.length);
  }
  const district = DISTRICT.exec(rest)?.[1] ?? null;
  const street = district ? rest.slice(district.length) : rest;
  if (!street) return null;
  return { province: municipality ? `${municipality}市` : province, city, district, street, postalCode };
}
