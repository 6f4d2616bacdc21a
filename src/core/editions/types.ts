import type { TableKey } from '../model/tables';
import type { Profile } from '../profiles/types';

/**
 * An edition: one year's or one region's 部门决算公开 as data — the layout of its
 * tables (the profile), their 公开NN表 numbers and order, how a workbook laid out in it
 * is recognised, and the wording of its 情况说明 (section titles and order, names, and
 * the sentence patterns used both to draft and to check).
 *
 * Nothing outside src/core/editions/<id>/ names an edition: code asks the edition
 * object (editionOf, editionById) and reads its data.
 */
export interface Edition {
  /** Stable id ('2021', '2023', 'shanghai'); the profile id where the edition owns one. */
  id: string;
  /** What it is, in Chinese, for the user. */
  name: string;
  /** The table layout the template inserts for this edition. */
  profile: Profile;
  /** True when the profile is this edition's own (listed by profileIds()); false when borrowed. */
  ownsProfile: boolean;
  /** How a workbook in this edition is recognised (see editions/index.ts detectEdition). */
  recognise: Recognition;
  /** The 情况说明's wording. */
  narrative: NarrativeWording;
}

export interface Recognition {
  /**
   * 公开NN表 numbers that tell this edition from the others (a table printed as 公开07表
   * is 三公 in 2021 and 政府性基金 in 2023+). Default: the profile's numbers.
   */
  numbers?: Partial<Record<TableKey, string>>;
  /**
   * Title marks (regular-expression sources, matched against the title without spaces)
   * that every workbook of this edition shows; an edition with marks wins over one
   * without when both fit the numbers.
   */
  titles?: Partial<Record<TableKey, string>>;
  /** The first 决算年度 the edition applies to when the workbook's tables do not tell. */
  fromYear?: number;
}

/**
 * The narrative's sections, named by what they are about. The 2021 national template
 * numbers them 一 … 十五 in this order; an edition may reorder them (2023+ puts 政府性基金
 * and 国有资本经营 before 三公).
 */
export type SectionKey =
  | 'summary'
  | 'income'
  | 'expenditure'
  | 'fiscal'
  | 'gpb'
  | 'basic'
  | 'threePublic'
  | 'govFund'
  | 'stateCapital'
  | 'operatingCost'
  | 'general'
  | 'procurement'
  | 'assets'
  | 'performance'
  | 'other';

/** How the 三公 items are named in sentences. */
export interface ThreePublicNames {
  total: string;
  abroad: string;
  car: string;
  carPurchase: string;
  carOperation: string;
  reception: string;
}

export interface NarrativeWording {
  /** Sections in the edition's order, each with its title (without the 一、 number). */
  sections: Array<{ key: SectionKey; title: string }>;
  /** How the 三公 money is named in sentences (一般公共预算财政拨款“三公”经费 / 财政拨款“三公”经费). */
  threePublicName: string;
  /** Subheadings of the 三公 section. */
  threePublicSub: [string, string];
  /** Subheadings of the 一般公共预算财政拨款支出 section. */
  gpbSub: [string, string, string];
  threePublicNames: ThreePublicNames;
}
