import type { Profile } from '../../profiles/types';
import type { Edition, NarrativeWording } from '../types';
import profile from './profile.json';

const QUOTED = '“三公”';

/** The 2023+ national wording: 政府性基金 and 国有资本经营 before 三公, 运行维护费. */
export const wording2023: NarrativeWording = {
  sections: [
    { key: 'summary', title: '收入支出决算总体情况说明' },
    { key: 'income', title: '收入决算情况说明' },
    { key: 'expenditure', title: '支出决算情况说明' },
    { key: 'fiscal', title: '财政拨款收入支出决算总体情况说明' },
    { key: 'gpb', title: '一般公共预算财政拨款支出决算情况说明' },
    { key: 'basic', title: '一般公共预算财政拨款基本支出决算情况说明' },
    { key: 'govFund', title: '政府性基金预算财政拨款收入支出决算情况说明' },
    { key: 'stateCapital', title: '国有资本经营预算财政拨款支出决算情况说明' },
    { key: 'threePublic', title: `财政拨款${QUOTED}经费支出决算情况说明` },
    { key: 'operatingCost', title: '机关运行经费支出情况说明' },
    { key: 'general', title: '一般性支出情况说明' },
    { key: 'procurement', title: '政府采购支出情况说明' },
    { key: 'assets', title: '国有资产占用情况说明' },
    { key: 'performance', title: '预算绩效情况说明' },
    { key: 'other', title: '其他重要事项情况说明' },
  ],
  threePublicName: `财政拨款${QUOTED}经费`,
  threePublicSub: [`${QUOTED}经费支出决算总体情况说明`, `${QUOTED}经费支出决算具体情况说明`],
  gpbSub: ['一般公共预算财政拨款支出决算总体情况', '一般公共预算财政拨款支出决算结构情况', '一般公共预算财政拨款支出决算具体情况'],
  threePublicNames: {
    total: '“三公”经费',
    abroad: '因公出国（境）费',
    car: '公务用车购置及运行维护费',
    carPurchase: '公务用车购置费',
    carOperation: '公务用车运行维护费',
    reception: '公务接待费',
  },
};

export const edition: Edition = {
  id: '2023',
  name: '2023年度及以后格式（中央及湖南等）',
  profile: profile as unknown as Profile,
  ownsProfile: true,
  recognise: { numbers: { threePublic: '09', govFund: '07', stateCapital: '08' }, fromYear: 2023 },
  narrative: wording2023,
};
