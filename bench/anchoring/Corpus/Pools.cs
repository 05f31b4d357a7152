namespace Byline.Bench.Anchoring.Corpus;

/// <summary>Replacement material the generator's edits draw from, per script.</summary>
internal static class Pools
{
    public static readonly string[] EnglishSentences =
    [
        "Officials declined to comment on the figures.",
        "The ministry published its own estimate on Thursday.",
        "A spokesperson for the port authority said talks would continue.",
        "This paragraph was updated to add the council's response.",
        "Correction: an earlier version of this story gave the wrong date for the vote.",
        "Several residents said they had not been consulted.",
        "The report is due to be published in full next month.",
        "Independent experts were more cautious.",
        "Neither side has said what happens if the deadline passes.",
        "Byline has asked the company for its version of events.",
    ];

    public static readonly string[] EnglishWords =
    [
        "council", "harbour", "figures", "ministers", "quietly", "eventually", "roughly", "northern", "promised",
        "volunteers", "budget", "talks", "station", "weather", "officials", "reported", "several", "formally",
        "critics", "analysts", "schedule", "crossing", "shipment", "engineers", "residents", "earlier", "hearing",
    ];

    public static readonly string[] CjkSentences =
    [
        "有关部门尚未对此作出回应。", "记者就此联系了市政府。", "本文已更新，补充了议会的回应。", "专家对此看法不一。",
        "这份报告将于下个月全文发布。", "市の担当者はコメントを控えた。", "詳しい日程はまだ決まっていない。",
    ];

    public static readonly string[] CjkChars =
    [
        "省", "市", "镇", "港", "海", "年", "月", "新", "旧", "大", "小", "工", "钱", "树", "路", "水", "町", "県", "館", "橋",
    ];

    public static readonly string[] ArabicSentences =
    [
        "ولم يرد المسؤولون على طلب للتعليق.", "وقد حُدّث هذا الخبر لإضافة رد البلدية.", "ويقول خبراء مستقلون إن الأرقام غير دقيقة.",
        "ومن المتوقع نشر التقرير كاملاً الشهر المقبل.",
    ];

    public static readonly string[] ArabicWords =
    [
        "المدينة", "الصيادون", "المجلس", "الميناء", "الحكومة", "الأسبوع", "السكان", "التجار", "الجديدة", "الكبيرة",
    ];

    public static string[] Sentences(Script script) => script switch
    {
        Script.Cjk => CjkSentences,
        Script.Arabic => ArabicSentences,
        _ => EnglishSentences,
    };

    public static string[] Words(Script script) => script switch
    {
        Script.Cjk => CjkChars,
        Script.Arabic => ArabicWords,
        _ => EnglishWords,
    };
}
