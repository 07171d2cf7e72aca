/**
 * What the offline aggregator plays for a parcel, step by step. The path is chosen by the
 * tracking number's last digit so a demo or a test can pick it: 4 is refused at the door and
 * signed back (退签), 2 gets stuck (疑难), anything else is delivered (签收).
 */
export type SandboxScript = 'delivered' | 'refused' | 'problem';

export interface SandboxStep {
  /** Kuaidi100 state code of this step */
  state: number;
  /** minutes after subscription the push is due */
  afterMinutes: number;
  /** the scan text, with {carrier} */
  text: string;
  location: string;
}

export function scriptFor(trackingNumber: string): SandboxScript {
  const last = trackingNumber.trim().slice(-1);
  if (last === '4') return 'refused';
  if (last === '2') return 'problem';
  return 'delivered';
}

const PICKED_UP: SandboxStep = {
  state: 1,
  afterMinutes: 2,
  text: '【发货仓】{carrier}快递员已揽收',
  location: '发货地',
};
const IN_TRANSIT: SandboxStep = {
  state: 0,
  afterMinutes: 10,
  text: '快件已到达【目的地转运中心】，正在分拣',
  location: '转运中心',
};
const OUT_FOR_DELIVERY: SandboxStep = {
  state: 5,
  afterMinutes: 30,
  text: '【营业部】快递员正在派件，请保持电话畅通',
  location: '营业部',
};

export const SANDBOX_SCRIPTS: Record<SandboxScript, readonly SandboxStep[]> = {
  delivered: [
    PICKED_UP,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    { state: 3, afterMinutes: 45, text: '快件已签收，签收人：本人。感谢使用{carrier}', location: '营业部' },
  ],
  refused: [
    PICKED_UP,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    { state: 4, afterMinutes: 60, text: '收件人拒收，快件已退回并由寄件人签收', location: '发货地' },
  ],
  problem: [
    PICKED_UP,
    IN_TRANSIT,
    { state: 2, afterMinutes: 40, text: '快件滞留：收件地址不详，正在联系收件人', location: '转运中心' },
  ],
};
