namespace Byline.Bench.Anchoring.Corpus;

/// <summary>
/// Texts written for this benchmark so the corpus covers what the demo stories (English) do not: Chinese and
/// Japanese without spaces, Arabic (right to left), emoji-heavy and mixed-script text. All people and places are invented.
/// </summary>
internal static class OwnTexts
{
    public static IReadOnlyList<SourceText> All =>
    [
        new("zh-harbour", Script.Cjk, """
            周日清晨，沿海小镇石湾的渔民发现港口的防波堤又出现了新的裂缝。这已经是三年来的第四次。镇政府表示，维修费用将由省里的专项资金承担，但资金要到明年春天才能到位。

            “我们每年都在修同一道墙，”当了十二年渔业合作社社长的林海生说。“海水总能找到新的路。”他指着堤坝下面被冲空的沙层，说那里去年还能站人。

            省海洋研究所的报告认为，在防波堤外侧种植红树林，可以在七到十年内把波浪高度降低一半。报告同时警告，如果幼苗种在错误的泥滩上，大部分会在第一年死去。

            石湾的第一次尝试就失败了。志愿者把树苗种在潮水淹没时间过长的滩涂上，一场台风过后几乎全部被冲走。第二次，他们先用竹篱笆挡浪，等泥沙淤高之后再种，成活率超过了八成。

            现在，镇上有六名妇女每天在苗圃里工作，每人每月领取两千元工资。苗圃负责人陈月说，最难的不是种树，而是说服大家再等几年。“树长得比墙慢，可它不会裂。”

            省财政的支持只持续到明年年底。之后的钱从哪里来，目前还没有人能给出答案。一些村子开始在红树林里养蟹，用卖蟹的收入给工人发工资，但这远远不够。
            """),
        new("ja-library", Script.Cjk, """
            北浜市の市立図書館が、築六十年の本館を取り壊さずに改修すると発表した。市議会では建て替え案も検討されたが、費用が二倍近くになるとして見送られた。

            改修工事は来年四月に始まり、約一年半かかる見込みだ。その間、児童書と郷土資料は駅前の仮設館に移される。館長の森田恵子さんは「閉館は一日も出さない」と話している。

            利用者の反応はさまざまだ。毎週通っているという七十代の男性は、古い閲覧室の窓が好きだと言う。一方で、車いすで訪れる大学生は、エレベーターが一基しかないことに長年不便を感じてきた。

            新しい計画では、エレベーターを二基に増やし、地下の書庫を半分ほど学習スペースに変える。屋上には小さな庭を作り、夏には子ども向けの読み聞かせ会を開く予定だ。

            市の試算によると、改修にかかる費用は約十八億円で、そのうち三分の一を国の補助金でまかなう。残りは市債で調達するが、議会の一部からは財政への負担を心配する声も上がっている。
            """),
        new("ar-market", Script.Arabic, """
            أعادت بلدية الميناء القديم فتح سوق السمك بعد أشهر من أعمال الترميم التي كلفت أكثر مما كان متوقعاً. وقال رئيس البلدية إن السوق سيعمل من الفجر حتى الظهر طوال أيام الأسبوع.

            وكان الصيادون قد اشتكوا منذ سنوات من تسرب مياه الأمطار إلى الأرصفة ومن غياب التبريد. وقالت سلمى الحداد، التي تبيع السمك في السوق منذ عشرين عاماً، إن نصف البضاعة كان يفسد في أيام الصيف الحارة.

            وتضم السوق الجديدة ثلاثين غرفة تبريد وسقفاً يعمل بالطاقة الشمسية. وتقول البلدية إن الألواح الشمسية ستغطي معظم حاجة السوق من الكهرباء، وإن الفائض سيباع لشبكة المدينة.

            لكن بعض التجار يخشون ارتفاع الإيجارات. فقد ارتفع إيجار المحل الواحد بنحو الربع، ويقول أصحاب المحال الصغيرة إنهم لا يستطيعون دفع هذا المبلغ إذا بقيت الأسعار على حالها.

            وتعهدت البلدية بمراجعة الإيجارات بعد ستة أشهر، وبتخصيص عشرة محال بأسعار مخفضة للصيادين الذين يبيعون صيدهم مباشرة. وسيعقد المجلس البلدي جلسة علنية لمناقشة الخطة في الشهر المقبل.
            """),
        new("emoji-festival", Script.Emoji, """
            The harbour festival 🎉 returned to Saltby on Saturday after a two-year pause, and by noon the quay was packed 🚢🚢 with stalls selling smoked fish 🐟, cider 🍎 and hand-knitted jumpers 🧶.

            Organisers said about 12,000 people 👥 came through the gates, more than in any year before the pause. "We were worried nobody would remember us 😅," said Mara Linde, who has run the festival since 2019. "Instead we ran out of programmes by eleven 📄❌."

            The biggest crowd 👏👏👏 gathered for the rowing race 🚣, won for the third time by the crew from Port Averel 🏆. Their cox, Tomas Reyes, said the wind 🌬️ made the last stretch "brutal, but fair ✅."

            Not everything went to plan ⚠️. A power cut ⚡ silenced the main stage for forty minutes in the afternoon, and the queue for the ferry ⛴️ back to the mainland stretched past the lighthouse 🏠 by evening.

            Families 👨‍👩‍👧‍👦 said they would be back next year. "The kids loved the sand sculptures 🏰 and the fireworks 🎆 at the end," said one father. "We'll bring a picnic 🧺 and skip the ferry queue 😉."
            """),
        new("mixed-summit", Script.Mixed, """
            Delegates from Corvalia and 北浜 (Kitahama) met in Port Averel on Monday to sign a twinning agreement 🤝 that both mayors called "long overdue". The text was printed in English, Japanese and Arabic, with the Arabic version titled «اتفاقية التوأمة».

            Under the deal, students from 北浜市立高校 will spend a term in Port Averel each spring 🌸, and apprentices from the Averel shipyards will train at the Kitahama dry dock. The first group of twelve leaves in April ✈️.

            "Our cities both live from the sea 🌊," said Mayor 森田恵子 at the signing. Her counterpart, Elsbeth Moraine, added that the agreement «ليست مجرد ورقة» — "is not just paper" — and promised funding for interpreters 🗣️.

            Critics in the council said the budget of 400,000 units of account was too small for real exchanges. Councillor Idris Haddad (إدريس حداد) called it "a photo opportunity 📸 with a ferry ticket attached".
            """),
    ];
}
