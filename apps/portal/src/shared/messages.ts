import type { LocalizedText } from '@guantong/contracts';

/** Every UI string of the portal shell, Chinese first. Long guide text lives with the guide feature. */
export const messages = {
  'site.org': { zhCN: '清源市纪委监委', en: 'Qingyuan Discipline Commission' },
  'site.app': { zhCN: '码上监督', en: 'Report on the go' },
  'site.homeLink': { zhCN: '返回首页', en: 'Back to home' },
  'site.skip': { zhCN: '跳到主要内容', en: 'Skip to main content' },
  'site.language': { zhCN: '语言', en: 'Language' },

  'footer.hotline': {
    zhCN: '纪检监察举报电话：12388（手机拨打请先加拨当地区号）。也可来信或到纪委监委信访接待场所反映。',
    en: 'Reporting hotline: 12388 (from a mobile phone, dial the local area code first). You can also write to or visit the commission’s reception office.',
  },
  'footer.privacy': { zhCN: '匿名举报不记录IP地址和设备信息。', en: 'Anonymous reports store no IP address or device fingerprint.' },
  'footer.owner': { zhCN: '中共清源市纪律检查委员会　清源市监察委员会', en: 'Qingyuan Municipal Commission for Discipline Inspection and Supervisory Commission' },

  'health.down': { zhCN: '服务暂时不可用，请稍后再试', en: 'The service is temporarily unavailable. Please try again later.' },
  'health.offline': { zhCN: '网络未连接，请检查网络后再试', en: 'You are offline. Check your connection and try again.' },
  'health.retry': { zhCN: '重试', en: 'Retry' },

  'home.title': { zhCN: '有问题，码上说', en: 'See a problem? Report it here' },
  'home.intro': {
    zhCN: '全天24小时受理群众举报。可实名，也可匿名；提交后获得查询码，凭码查询办理进度、评价办理结果。',
    en: 'Reports are accepted 24 hours a day. Report under your name or anonymously; after submitting you get a receipt code to follow the case and rate the answer.',
  },
  'home.entries': { zhCN: '主要服务', en: 'Services' },
  'home.report': { zhCN: '我要举报', en: 'Report a problem' },
  'home.report.desc': { zhCN: '实名或匿名反映问题线索', en: 'By name or anonymously' },
  'home.track': { zhCN: '进度查询', en: 'Track my report' },
  'home.track.desc': { zhCN: '凭查询码查看办理进度', en: 'Follow it with your receipt code' },
  'home.village': { zhCN: '村务公开', en: 'Village affairs' },
  'home.village.desc': { zhCN: '查看村级财务、项目等公开信息', en: 'Village finances, projects and more' },
  'home.guide': { zhCN: '举报须知', en: 'Before you report' },
  'home.guide.desc': { zhCN: '受理范围、保密规定和注意事项', en: 'What we accept, confidentiality, your duties' },
  'home.steps': { zhCN: '办理流程', en: 'How it works' },
  'home.step1': { zhCN: '提交举报：写明问题，可选择匿名', en: 'Submit: describe the problem; you may stay anonymous' },
  'home.step2': { zhCN: '保存查询码：提交后生成，请妥善保管', en: 'Keep your receipt code: it is shown once you submit' },
  'home.step3': { zhCN: '查询与评价：凭码查看进度和答复，评价办理结果', en: 'Track and rate: see progress and the answer, then rate it' },

  'preset.label': { zhCN: '扫码信息', en: 'From the QR code' },
  'preset.org': { zhCN: '受理单位已预设', en: 'Receiving body preset' },
  'preset.place': { zhCN: '地点：', en: 'Place: ' },
  'preset.note': { zhCN: '以上信息来自您扫描的二维码。', en: 'This comes from the QR code you scanned.' },
  'preset.clear': { zhCN: '清除', en: 'Clear' },

  'soon.badge': { zhCN: '此功能即将开放', en: 'Coming soon' },
  'soon.hotline': {
    zhCN: '在此之前，您可以拨打12388举报电话反映问题。',
    en: 'Until then, you can call the 12388 reporting hotline.',
  },
  'report.title': { zhCN: '我要举报', en: 'Report a problem' },
  'report.what': {
    zhCN: '开放后，您可以在这里实名或匿名填写举报内容、上传证据材料，提交后获得查询码。',
    en: 'Here you will be able to describe a problem by name or anonymously, attach evidence, and receive a receipt code.',
  },
  'track.title': { zhCN: '进度查询', en: 'Track my report' },
  'track.what': {
    zhCN: '开放后，您可以在这里输入查询码，查看举报的办理进度和答复，并对办理结果进行评价。',
    en: 'Here you will be able to enter your receipt code, see the progress and the answer, and rate how your report was handled.',
  },
  'village.title': { zhCN: '村务公开', en: 'Village affairs' },
  'village.what': {
    zhCN: '开放后，您可以在这里查看各村公开的财务收支、工程项目、惠民资金等村务信息。',
    en: 'Here you will be able to read what each village discloses: finances, building projects, welfare funds and more.',
  },
  'guide.title': { zhCN: '举报须知', en: 'Before you report' },
  'guide.toReport': { zhCN: '我要举报', en: 'Report a problem' },

  'notFound.title': { zhCN: '页面不存在', en: 'Page not found' },
  'notFound.text': { zhCN: '您访问的页面不存在或已移动。', en: 'The page you asked for does not exist or has moved.' },
} as const satisfies Record<string, LocalizedText>;

export type MessageKey = keyof typeof messages;
