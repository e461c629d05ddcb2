/** Minutes written for these tests (shaped like the real communities' files, not copied). */

/** A Curve biweekly meeting without its `## 时间` section (everything else the template asks for is there). */
export const CURVE_WITHOUT_TIME = `## 加入会议

\`\`\`text
会议主题：Curve 社区双周会
会议号：123-4567-8910
\`\`\`

## 会议内容

### 一、近期工作

#### Curve文件存储

- [修复元数据缓存的并发问题](https://github.com/opencurve/curve/pull/2500) @example-dev

### 二、开源社区

- 新增两篇使用指南

### 三、答疑 & 交流
`;

/** Neither `## 时间` nor `### 开源社区`: two missing-section problems, each with a fix. */
export const CURVE_WITHOUT_TIME_AND_COMMUNITY = `## 加入会议

\`\`\`text
会议主题：Curve 社区双周会
\`\`\`

## 会议内容

### 一、近期工作

#### Curve块存储

- [补充快照删除的单元测试](https://github.com/opencurve/curve/pull/2501) @example-dev

### 二、答疑 & 交流
`;

/** A README: Markdown, but not minutes of any community. */
export const README = `# Tools

Scripts we use to build the website.

## Usage

Run \`make\` and open the output folder.
`;

/** A team template for plain-text notes, inline in .minutesrc.json. */
export const PLAIN_NOTES_CONFIG = JSON.stringify(
  {
    files: ['notes/*.txt'],
    template: {
      id: 'team-notes',
      name: { en: 'Team notes', zh: '团队纪要' },
      format: 'plaintext',
      extensions: ['txt'],
      sections: [
        { id: 'agenda', names: ['议题'], required: true },
        { id: 'decisions', names: ['结论'], required: true },
        { id: 'next', names: ['下次会议'], required: true },
      ],
      fields: [{ id: 'date', labels: ['会议日期'], required: true }],
    },
  },
  null,
  2,
);

export const PLAIN_NOTES = `会议日期：2024-03-05
主持人：王小明

议题：
1、讨论发布计划
2、整理文档目录

结论：
发布推迟一周。
`;
