/**
 * Realistic report texts (信访举报) composed from phrase lists: who is concerned, in which unit, what happened,
 * in the words reporters use. Used by the dataset generator and by the intake bench, so that both segment the
 * same kind of text with jieba.
 */

const surnames = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const givenNames = '建国 明 华 军 伟 芳 娜 敏 静 丽 强 磊 洋 勇 艳 杰 涛 超 平 刚 桂英 秀兰 玉霞 辉 鹏 飞 鑫 波 宇 浩 凯 健 俊 志强 晓东 海林 振华 红梅 春燕 德文 国庆 建华 永红 文斌 小平 立新 志刚 玉兰 金花 长青 卫东 学军 德明 光荣 福生 有才 富贵 宝山'.split(' ');

// Places of the demo city (清源市) and what sits there.
const towns = ['桂花街道', '石门镇', '溪口镇', '白沙乡', '青石镇', '云台乡'];
const villages = ['桂花社区', '石门村', '溪口村', '柳湾村', '白沙村', '东岗村', '云台村', '下坪村', '杨家湾村', '新塘村', '龙井村', '河西村'];
const counties = ['南岭区', '临溪县', '青石县'];
const countyDepartments = ['教育局', '卫生健康局', '医疗保障局', '住房和城乡建设局', '农业农村局', '民政局', '人力资源和社会保障局', '自然资源局', '交通运输局', '市场监督管理局', '水利局', '财政局'];
const townOffices = ['党政办', '民政办', '财政所', '国土所', '农业服务中心', '社保所', '规划建设办', '综合执法队', '卫生院', '中心小学', '中心学校'];
const villageOffices = ['村委会', '村党支部', '村经济合作社'];
const countyPosts = ['局长', '副局长', '科长', '股长', '主任', '副主任', '工作人员'];
const townPosts = ['负责人', '站长', '所长', '主任', '副主任', '干部', '工作人员'];
const villagePosts = ['村党支部书记', '村委会主任', '村会计', '村文书', '村民小组长', '村干部'];

interface Topic {
  weight: number;
  categoryKey: string | null;
  subject: string[];
  details: string[];
}

const topics: Topic[] = [
  {
    weight: 14,
    categoryKey: 'welfare_subsidy',
    subject: ['违规办理低保', '优亲厚友', '冒领惠民补贴', '克扣困难群众补助', '虚报危房改造户'],
    details: [
      '在{village}低保评定中优亲厚友，将不符合条件的亲属纳入低保名单。',
      '{name}的妻子和儿子都有稳定收入，却长期享受低保待遇。',
      '耕地地力补贴迟迟没有发放到户，询问时被告知已经“统筹使用”。',
      '危房改造补助资金被截留，实际到户金额比公示少了{amount}元。',
      '特困供养人员的补助被村干部代领，老人本人从未拿到。',
    ],
  },
  {
    weight: 12,
    categoryKey: 'rural_three_assets',
    subject: ['私自出租村集体土地', '村级账目不公开', '挪用村集体资金', '低价处置集体资产'],
    details: [
      '村集体的{amount}亩山林被私自承包给其亲戚，承包费没有入账。',
      '村务公开栏已经两年没有更新，村民要求查账被拒绝。',
      '征地补偿款到账后，有{amount}元去向不明。',
      '村集体的厂房以明显低于市场的价格租给了{name}的亲属。',
      '村里的集体收入账目混乱，白条入账的情况很多。',
    ],
  },
  {
    weight: 11,
    categoryKey: 'construction',
    subject: ['工程项目围标串标', '偷工减料', '虚报工程量', '违规指定施工队'],
    details: [
      '{village}通组公路硬化工程招投标中存在围标串标，中标企业与{name}关系密切。',
      '新修的水渠不到半年就出现大面积开裂，明显偷工减料。',
      '工程结算时虚报工程量，多结算工程款约{amount}元。',
      '项目没有公开招标，直接指定由其亲戚的施工队承建。',
      '高标准农田建设项目验收走过场，很多田块根本没有施工。',
    ],
  },
  {
    weight: 12,
    categoryKey: 'eight_point_rules',
    subject: ['公车私用', '违规吃喝', '收受礼金', '违规发放津补贴', '大操大办婚丧喜庆'],
    details: [
      '经常在周末驾驶公车接送孩子上学，车牌号群众都认得。',
      '多次在{town}的农家乐用公款吃喝，饭后还有人买单结账。',
      '逢年过节收受下属和服务对象的礼金、购物卡。',
      '单位以加班费名义违规发放津补贴，人均{amount}元。',
      '为儿子操办婚礼，宴请{amount}桌，收受管理服务对象礼金。',
    ],
  },
  {
    weight: 10,
    categoryKey: 'formalism_bureaucratism',
    subject: ['推诿扯皮', '办事效率低下', '层层加码', '填表报数负担重'],
    details: [
      '到{unit}办理手续，跑了五六趟还没办成，工作人员互相推诿扯皮。',
      '窗口工作人员上班时间玩手机，对群众态度生硬。',
      '为了应付检查，要求村里连夜补做台账，层层加码。',
      '同一份材料要求在不同系统重复填报，基层干部疲于应付。',
    ],
  },
  {
    weight: 9,
    categoryKey: 'grassroots_misconduct',
    subject: ['吃拿卡要', '雁过拔毛', '欺压群众', '收取好处费'],
    details: [
      '办理宅基地审批时索要好处费，不给钱就一直拖着不办。',
      '村民领取补偿款时，被村干部以各种名义扣留一部分，雁过拔毛。',
      '在土地确权过程中刁难群众，对提意见的村民打击报复。',
      '开具证明要收取“工本费”，没有任何收据。',
    ],
  },
  {
    weight: 4,
    categoryKey: 'school_meals',
    subject: ['校园餐问题', '学校食堂食材质量差', '供餐企业资质存疑', '违规收取伙食费'],
    details: [
      '{town}中心学校的校园餐分量少、质量差，学生经常吃不饱。',
      '学校食堂采购的食材以次充好，有家长看到过期的冻肉。',
      '供餐企业没有相应资质，却连续三年中标校园餐配送。',
      '学校在伙食费之外另收餐具费和管理费。',
    ],
  },
  {
    weight: 5,
    categoryKey: 'medical_insurance_fund',
    subject: ['骗取医保基金', '虚假住院', '过度诊疗', '挂床住院'],
    details: [
      '{town}卫生院组织老人挂床住院，骗取医保基金。',
      '没有住院却被记录了住院费用，医保账户被扣了{amount}元。',
      '药店用医保卡刷生活用品，涉嫌骗保。',
      '医生开大处方、重复检查，过度诊疗现象严重。',
    ],
  },
  {
    weight: 5,
    categoryKey: 'personnel',
    subject: ['违规提拔干部', '突击提拔', '档案造假', '招录考试不公'],
    details: [
      '在换届前突击提拔了{amount}名干部，其中有领导的亲属。',
      '该同志的学历和年龄存在造假嫌疑，档案多处涂改。',
      '事业单位招聘中，面试成绩明显不合理，录取的是领导亲戚。',
    ],
  },
  {
    weight: 4,
    categoryKey: 'public_welfare_post',
    subject: ['公益性岗位吃空饷', '违规安排公益性岗位'],
    details: [
      '公益性岗位人员从未到岗上班，却每月领取工资，吃空饷。',
      '把公益性岗位安排给村干部的亲属，真正困难的人没有份。',
    ],
  },
  {
    weight: 6,
    categoryKey: 'other',
    subject: ['拖欠工资', '环境污染监管不力', '违法占用耕地', '执法不公'],
    details: [
      '工地拖欠农民工工资{amount}元，多次找{unit}反映没有结果。',
      '养殖场污水直排河道，有关部门一直不管。',
      '有人在基本农田上违法建房，国土所明知却不制止。',
      '执法人员选择性执法，对关系户网开一面。',
    ],
  },
  {
    weight: 8,
    categoryKey: null,
    subject: ['工作作风问题', '违反廉洁纪律', '滥用职权'],
    details: [
      '利用职务便利为其亲属承揽业务谋取利益。',
      '长期在外经商办企业，很少到单位上班。',
      '违规插手工程项目和政府采购。',
      '在审批工作中滥用职权，给企业造成损失。',
    ],
  },
];

const openings = [
  '本人实名反映{unit}{post}{name}的问题。',
  '我要举报{unit}{post}{name}。',
  '{year}年{month}月以来，{unit}{post}{name}存在以下问题。',
  '现反映{place}的有关情况，请领导重视。',
  '我是{village}村民，反映本村的一些问题。',
];
const generic = [
  '群众意见很大，多次向有关部门反映未果。',
  '群众对此反映强烈，影响很坏。',
  '以上情况周围群众都知道，可以调查核实。',
  '相关证据材料已拍照留存，需要时可以提供。',
  '希望纪委监委调查核实，依规依纪严肃处理。',
  '请求上级部门派人调查，还群众一个公道。',
  '此前已向{unit}反映过，至今没有答复。',
  '本人愿意配合调查，但请对本人信息保密。',
  '据了解，{name}在{unit}任职多年，群众早有议论。',
  '该问题持续时间较长，涉及金额较大，社会影响恶劣。',
  '村里不少人都遇到过类似的情况，大家敢怒不敢言。',
  '希望组织上认真调查，给老百姓一个明白。',
  '{year}年{month}月，有关部门曾经来调查过，但最后不了了之。',
  '反映的情况有照片、转账记录和证人，请尽快核查。',
]
// Seldom seen: gives the search a rare word (冷链) besides the common (群众) and medium ones (校园餐).
const rare = ['其亲属经营的冷链仓库长期无偿占用村集体用地。'];

export interface ReportText {
  submissionType: 'accusation' | 'appeal' | 'criticism_suggestion' | 'other';
  categoryKey: string | null;
  /** Answers to the category's required questions (petition-categories.seed.ts). */
  extraAnswers: Record<string, string>;
  title: string;
  content: string;
  concernedName: string | null;
  concernedPost: string | null;
  concernedUnit: string | null;
  occurredOn: string | null;
  occurredPlace: string | null;
}

/** A text maker over a seeded random source, so that a generated data set is the same on every run. */
export function reportTextMaker(pick: () => number) {
  const choose = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)];
  const totalWeight = topics.reduce((sum, topic) => sum + topic.weight, 0);
  const topicOf = () => {
    let roll = pick() * totalWeight;
    return topics.find((topic) => (roll -= topic.weight) < 0) ?? topics[0];
  };
  const name = () => `${choose(surnames)}${choose(givenNames)}`;
  const unitAndPost = (): { unit: string; post: string; place: string } => {
    const level = pick();
    if (level < 0.3) {
      const county = choose(counties);
      return { unit: `${county}${choose(countyDepartments)}`, post: choose(countyPosts), place: county };
    }
    if (level < 0.7) {
      const town = choose(towns);
      return { unit: `${town}${choose(townOffices)}`, post: choose(townPosts), place: town };
    }
    const village = choose(villages);
    return { unit: `${choose(towns)}${village}${choose(villageOffices)}`, post: choose(villagePosts), place: village };
  };

  return (receivedAt: Date): ReportText => {
    const topic = topicOf();
    const { unit, post, place } = unitAndPost();
    const who = pick() < 0.85 ? name() : null;
    const year = receivedAt.getUTCFullYear() - (pick() < 0.3 ? 1 : 0);
    const fill = (text: string) =>
      text
        .replaceAll('{name}', who ?? '该负责人')
        .replaceAll('{unit}', unit)
        .replaceAll('{post}', who ? post : '')
        .replaceAll('{place}', place)
        .replaceAll('{town}', choose(towns))
        .replaceAll('{village}', choose(villages))
        .replaceAll('{year}', String(year))
        .replaceAll('{month}', String(1 + Math.floor(pick() * 12)))
        .replaceAll('{amount}', String(Math.floor(2 + pick() * 98) * (pick() < 0.5 ? 100 : 1)));

    const kindRoll = pick();
    const submissionType: ReportText['submissionType'] = kindRoll < 0.78 ? 'accusation' : kindRoll < 0.86 ? 'appeal' : kindRoll < 0.96 ? 'criticism_suggestion' : 'other';
    const subject = choose(topic.subject);
    const title =
      submissionType === 'appeal'
        ? `对${unit}处理决定不服的申诉`
        : submissionType === 'criticism_suggestion'
          ? `关于${place}${subject}的意见建议`
          : who && pick() < 0.6
            ? `反映${unit}${post}${who}${subject}问题`
            : `关于${place}${subject}的举报`;

    const sentences = [fill(who ? choose(openings) : '现反映{place}的有关情况，请领导重视。')];
    const detailCount = 2 + Math.floor(pick() * 3);
    for (let index = 0; index < detailCount; index += 1) sentences.push(fill(choose(topic.details)));
    if (pick() < 0.00035) sentences.push(choose(rare));
    const genericCount = 1 + Math.floor(pick() * 3);
    for (let index = 0; index < genericCount; index += 1) sentences.push(fill(choose(generic)));

    const extraAnswers: Record<string, string> =
      topic.categoryKey === 'welfare_subsidy'
        ? { subsidyType: choose(['低保', '特困供养', '耕地地力补贴', '危房改造', '其他']) }
        : topic.categoryKey === 'rural_three_assets'
          ? { village: choose(villages) }
          : {};
    return {
      submissionType,
      categoryKey: topic.categoryKey,
      extraAnswers,
      title: title.slice(0, 80),
      content: [...new Set(sentences)].join(''),
      concernedName: who,
      concernedPost: who ? post : null,
      concernedUnit: unit,
      occurredOn: pick() < 0.5 ? `${year}年${1 + Math.floor(pick() * 12)}月` : null,
      occurredPlace: pick() < 0.4 ? place : null,
    };
  };
}
