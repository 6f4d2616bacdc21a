import type { Edition } from '../types';
import { edition as national2021 } from '../national-2021';
import { wording2023 } from '../national-2023';

/**
 * Shanghai: the 2021 table numbers (07 三公, 08 政府性基金, 09 国有资本经营) but 09 is a
 * 国有资本经营预算财政拨款收入支出决算表 (opening, income, closing as 08), and the
 * narrative follows the 2023+ national wording. Tables are inserted with the 2021 layout.
 */
export const edition: Edition = {
  id: 'shanghai',
  name: '上海格式（09表为国有资本经营预算财政拨款收入支出决算表）',
  profile: national2021.profile,
  ownsProfile: false,
  recognise: { numbers: { threePublic: '07', govFund: '08', stateCapital: '09' }, titles: { stateCapital: '收入支出' } },
  narrative: wording2023,
};
