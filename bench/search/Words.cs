namespace Byline.Bench.Search;

/// <summary>
/// The vocabularies the generated site is written in. English content words come roughly in order of how often news
/// prose uses them (the order is the Zipf rank); <see cref="Corpus"/> adds a long tail of made-up words (names,
/// places, jargon) after them, so that rare words are as rare as in a real archive.
/// </summary>
public static class Words
{
    public static readonly string[] English = Split("""
        said year people time government new state city country first last week police report percent
        million officials two public president school would also years health minister work home company
        since told data three make world market group month day plan children water family money price
        national local court party women support service news law former team case program many team
        policy according high end part way found university women election told system office power
        billion history community council security workers change business night months early four family
        economy national best major water street rights war american english care food land five help
        hospital study council region military climate chief among energy cost women cases center times
        house political foreign results rate young months life plans leaders north south east west federal
        research use issue schools building second power trade students parents area free doctors media
        show million level million weeks global island river bank growth country budget tax vote voters
        campaign prices sales rise fall deal talks crisis protest police officers court judge trial
        border troops attack peace agreement minister parliament senate congress mayor governor county
        district village town capital coast port airport train station road bridge highway traffic
        transport flights airline ship fleet fishing farm farmers farming crops harvest rice wheat corn
        drought flood floods storm rain snow heat wildfire fire forest trees wildlife species ocean sea
        beach island mountain valley lake desert weather temperature emissions carbon pollution waste
        plastic recycling electricity solar wind nuclear coal oil gas fuel pipeline grid battery batteries
        cars electric vehicle vehicles factory factories jobs wages workers union strike unions employers
        inflation interest rates loans debt mortgage housing rent homes apartment tenants landlords
        construction developers property investors shares stocks exchange currency dollar euro pound
        yen bonds fund funds pension savings banks lending profit profits revenue losses earnings
        quarter annual figures survey poll analysis evidence studies scientists science researchers
        laboratory vaccine virus disease patients treatment drug drugs medicine nurses clinic surgery
        cancer heart brain mental illness outbreak infections hospitals insurance benefits welfare
        poverty hunger aid refugees migrants asylum immigration visa citizens citizenship census
        population cities towns villages neighborhood residents households families mothers fathers
        daughter son daughters sons teacher teachers classroom exams students graduates college degree
        tuition library libraries museum theater film films music song songs album artist artists
        painting gallery festival concert book books novel author writer writers poetry poem language
        culture tradition religion church mosque temple faith festival holiday christmas summer winter
        spring autumn morning evening weekend monday tuesday wednesday thursday friday saturday sunday
        january february march april june july august september october november december season
        football soccer match game games players coach league cup final championship tournament goal
        goals score victory defeat win won lost season stadium fans olympic athletes race runner
        tennis cricket basketball baseball rugby golf cycling swimming marathon record medal medals
        technology internet online digital software computer computers phone phones app apps data
        privacy platform platforms users social network networks website search engine algorithm
        artificial intelligence robot robots chip chips semiconductor startup startups founder
        investors venture capital valuation merger acquisition shareholders board executive chairman
        director manager managers staff employees hiring layoffs contract contracts tender bid
        regulator regulators regulation rules ban banned approval license permit inquiry investigation
        prosecutors charges arrested arrest prison sentence jail lawyers lawyer defense verdict appeal
        ruling constitution amendment bill bills legislation reform reforms debate opposition coalition
        majority minority seats candidates candidate primary ballot turnout polling referendum
        democracy dictatorship regime protesters demonstration rally riot curfew sanctions embassy
        diplomats diplomacy treaty summit alliance allies nato united nations ceasefire hostages
        soldiers army navy air force missile missiles drone drones weapons nuclear bomb explosion
        victims survivors rescue emergency disaster earthquake tsunami volcano hurricane typhoon
        cyclone tornado landslide evacuation shelters damage repairs reconstruction infrastructure
        investment spending cuts deficit surplus taxes tariff tariffs exports imports supply chain
        shortage shortages demand consumers shoppers retail stores store online delivery prices
        groceries bread milk eggs meat fish vegetables fruit coffee tea sugar salt restaurant
        restaurants chefs menu dinner lunch breakfast kitchen recipe wine beer hotel hotels tourism
        tourists travel visitors holiday beaches resort cruise passengers tickets fares commuters
        buses bus subway metro railway rail cyclists pedestrians parking speed accident crash
        crashes injured killed dead deaths death toll funeral memorial anniversary celebration
        ceremony award awards prize winner winners nominee nominees jury critics review reviews
        audience viewers television broadcast channel radio podcast newspaper newspapers magazine
        journalists journalist reporter reporters editor editors story stories article interview
        statement spokesman spokeswoman spokesperson announcement press conference briefing
        documents records files leak leaked emails messages letter letters signature petition
        donation donations charity volunteers nonprofit foundation grant grants scholarship
        scholarships program programs project projects initiative scheme pilot trial trials test
        tests testing results outcome impact effect effects risk risks threat threats warning
        warnings alert danger safety security guards cameras surveillance fraud scam scams theft
        robbery burglary violence crime crimes gang gangs drugs trafficking smuggling corruption
        bribery scandal resignation resigned appointed elected nominated sworn inauguration
        cabinet ministry department agency agencies authority authorities commission committee
        panel members member chairwoman secretary spokesman ambassador envoy delegation visit
        trip tour meeting meetings talks negotiations dispute disputes conflict tensions fighting
        offensive retreat siege occupation territory territories region regions province provinces
        northern southern eastern western central rural urban suburban coastal remote mountain
        mountains rivers lakes wetlands mangroves reef coral fisheries fishermen boats harbor
        shipping cargo containers freight trucks truck drivers driver pilots pilot crew engineers
        engineer architects design designers fashion clothing brand brands advertising marketing
        customers clients patients residents tenants owners owner landlord neighbors friends
        children kids teenagers youth elderly seniors retirees veterans pensioners generation
        generations millennials families couples wedding marriage divorce birth births babies
        pregnancy abortion contraception fertility adoption orphans childcare daycare preschool
        kindergarten primary secondary schools universities colleges campus dormitory lecture
        professor professors academic academics study studies thesis curriculum textbooks exam
        literacy numeracy mathematics physics chemistry biology history geography economics
        philosophy psychology sociology engineering medicine law architecture astronomy space
        satellite satellites rocket launch mission moon mars planet planets telescope galaxy stars
        asteroid orbit astronauts station gravity energy particles experiment experiments discovery
        fossil fossils dinosaur species extinction biodiversity conservation habitat habitats
        wildlife birds fish whales dolphins sharks turtles elephants tigers lions wolves bears
        bees insects plants flowers seeds soil fertilizer pesticides irrigation livestock cattle
        sheep pigs chickens dairy ranch ranchers orchard vineyard vineyards greenhouse organic
        """);

    /// <summary>English words that the indexer leaves out (see SearchText): they fill sentences, not queries.</summary>
    public static readonly string[] EnglishFunction = Split("""
        the of and to a in that is was for on with as by at from it he she they we but not have has had be
        been are were this which who their his her its an or will would could there about after more than
        when into over also only one other some what can all if so no up out them then these those just
        """);

    /// <summary>Chinese words (mostly two characters); 农场 ("farm") sits in the middle of the ranks.</summary>
    public static readonly string[] Chinese = Split("""
        我们 他们 今天 时间 政府 问题 国家 经济 社会 发展 人民 城市 工作 学生 学校 老师 孩子 家庭 医院 医生
        市场 公司 价格 新闻 记者 报道 文章 读者 评论 网络 手机 电脑 技术 科学 研究 大学 教育 文化 历史 农场
        农民 粮食 水稻 小麦 天气 气候 环境 污染 能源 电力 交通 地铁 火车 飞机 机场 道路 房子 房价 租金 银行
        投资 股票 工资 工人 工厂 企业 老板 法律 法院 警察 安全 事故 健康 疫苗 病毒 医疗 保险 体育 足球 比赛
        球队 冠军 音乐 电影 演员 歌手 节目 朋友 父母 妈妈 爸爸 邻居 社区 村庄 农村 土地 河流 山区 海边 森林
        动物 植物 水果 蔬菜 米饭 面条 茶叶 咖啡 早上 晚上 周末 明年 去年 未来 希望 意见 支持 反对 同意 认为
        觉得 知道 需要 应该 可以 已经 非常 真的 还是 但是 因为 所以 如果 虽然 而且 其实 当然 一起 大家 自己
        东京 北京 上海 广州 深圳 香港 台湾 美国 日本 中国 欧洲 世界 国际 外交 会议 总统 部长 选举 改革 政策
        """);

    /// <summary>Chinese particles between words.</summary>
    public static readonly string[] ChineseFunction = Split("的 了 是 在 和 也 就 都 很 有 不 这 那 个 一");

    /// <summary>Japanese nouns (kanji and katakana); 東京 ranks first.</summary>
    public static readonly string[] Japanese = Split("""
        東京 大阪 京都 天気 電車 会社 今日 明日 昨日 ニュース 政府 経済 社会 学校 先生 学生 子供 家族 病院
        医者 市場 値段 記事 読者 意見 コメント インターネット スマホ 技術 科学 研究 大学 教育 文化 歴史 農家
        お米 野菜 果物 料理 ラーメン 寿司 お茶 コーヒー 仕事 給料 銀行 株価 円安 物価 選挙 首相 国会 地震 台風
        大雨 旅行 観光 ホテル 空港 新幹線 駅 道路 事故 警察 裁判 野球 サッカー 試合 優勝 映画 音楽 アニメ 漫画
        """);

    public static readonly string[] JapaneseParticles = Split("は が を に で の と も から まで");

    public static readonly string[] JapaneseEndings = Split("です でした ます ました ですね と思います だと思う でしょう らしい");

    /// <summary>Arabic words written with their vowel marks; half of the Arabic text drops the marks, as most writing does.</summary>
    public static readonly string[] Arabic = Split("""
        الْحُكُومَة الْمَدِينَة الْقَاهِرَة الْأَخْبَار الصَّحِيفَة الْكِتَاب الْمَدْرَسَة الْجَامِعَة الطُّلَّاب الْمُعَلِّم
        الْأَطْفَال الْعَائِلَة الْمُسْتَشْفَى الطَّبِيب الصِّحَّة الِاقْتِصَاد السُّوق الْأَسْعَار الْعَمَل الْعُمَّال
        الشَّرِكَة الْبَنْك الْمَال الْمَاء الْكَهْرَبَاء الطَّاقَة النِّفْط الزِّرَاعَة الْمَزْرَعَة الْفَلَّاحُون الْقَمْح
        الطَّقْس الْمَطَر الْحَرَارَة الْبَحْر النَّهْر الطَّرِيق السَّيَّارَة الْقِطَار الْمَطَار السَّفَر الرِّيَاضَة
        كُرَة الْقَدَم الْمُبَارَاة الْفَرِيق الْمَلْعَب الثَّقَافَة الْفَنّ الْمُوسِيقَى الْفِيلْم التَّارِيخ اللُّغَة
        الْعَرَبِيَّة الشَّعْب الدَّوْلَة الرَّئِيس الْوَزِير الْبَرْلَمَان الِانْتِخَابَات الْقَانُون الْمَحْكَمَة الشُّرْطَة
        قَالَ يَقُول كَانَ جَدِيد كَبِير صَغِير جَمِيل مُهِمّ الْيَوْم غَدًا أَمْس السَّنَة الشَّهْر الْأُسْبُوع
        """);

    public static readonly string[] ArabicFunction = Split("فِي مِنْ إِلَى عَلَى عَنْ مَعَ هَذَا هَذِهِ الَّذِي أَنَّ لَا وَ");

    /// <summary>Spanish words with their accents (typed without them by many readers; folding finds both).</summary>
    public static readonly string[] Spanish = Split("""
        gobierno información económico política país ciudad años año niños niño educación salud médico
        hospital mercado precios trabajo empresa población elecciones presidente ministro música película
        fútbol equipo partido campeón canción artículo periódico noticias opinión razón situación decisión
        tecnología energía agua campo agricultores cosecha sequía lluvia clima pequeño rápido difícil
        también además después todavía según aquí allí así más muy bien mejor peor nuevo última próximo
        """);

    public static readonly string[] SpanishFunction = Split("el la de que y en los se del las un por con no una su para es al lo como");

    /// <summary>French words with their accents.</summary>
    public static readonly string[] French = Split("""
        gouvernement élection élections président ministre société économie santé hôpital médecin école
        élèves étudiants université café théâtre musée cinéma été hiver printemps région ville village
        marché prix travail entreprise grève réforme sécurité énergie électricité forêt rivière mer côte
        agriculteurs récolte sécheresse météo équipe match championnat victoire défaite très déjà
        peut-être aujourd'hui hier demain année mois semaine européen français québécois problème idée
        """);

    public static readonly string[] FrenchFunction = Split("le la les de des et en un une du que qui dans pour pas sur au avec ce il elle est");

    public static readonly string[] FirstNames = Split("""
        Ana Ben Chloé Daniel Elena Farid Grace Hiro Ines Jonas Kemal Lena Marco Nadia Omar Priya Quentin Rosa Sami
        Tomás Uma Victor Wen Xavier Yuki Zainab Aiko Bruno Carmen Dmitri Emma Felix Gabriel Hana Ivan Julia Karim
        Lucía Mei Noah Olga Pablo Rania Sofia Theo Valentina Wei Yara Zoe Li Amir
        """);

    public static readonly string[] LastNames = Split("""
        Moreau Okafor Tanaka Rossi Haddad Novak Lindqvist Mensah Costa Kowalski Nguyen Schmidt Alvarez Chen Petrov
        Ibrahim Silva Dubois Kim Larsen Yilmaz Fischer Santos Kato Romero Mwangi Varga Nakamura Ortiz Hansen
        """);

    public static readonly (string Slug, string Name)[] Sections =
    [
        ("world", "World"), ("politics", "Politics"), ("business", "Business"), ("science", "Science"),
        ("culture", "Culture"), ("sport", "Sport"),
    ];

    /// <summary>
    /// Made-up words for the tail of the English ranks (surnames, places, products, jargon), from syllables with a
    /// fixed seed, none equal to a listed word.
    /// </summary>
    public static string[] MadeUp(int count, int seed)
    {
        string[] onsets = ["b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pl", "qu", "r", "s", "sh", "st", "t", "tr", "v", "w", "z"];
        string[] vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"];
        string[] codas = ["", "", "n", "r", "l", "s", "th", "nd", "rk", "m", "x", "lt"];
        var taken = new HashSet<string>(English.Concat(EnglishFunction), StringComparer.Ordinal);
        var words = new List<string>(count);
        var random = new Random(seed);
        while (words.Count < count)
        {
            var syllables = 2 + random.Next(2);
            var word = string.Concat(Enumerable.Range(0, syllables).Select(_ =>
                onsets[random.Next(onsets.Length)] + vowels[random.Next(vowels.Length)] + codas[random.Next(codas.Length)]));
            if (taken.Add(word))
            {
                words.Add(word);
            }
        }
        return [.. words];
    }

    private static string[] Split(string words)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Where(seen.Add)];
    }
}
