namespace Byline.Bench.Moderation;

/// <summary>The term lists a site's moderators would type: solicitation wording to hold, abuse to reject.</summary>
internal static class Policy
{
    public static readonly string[] SuspectWords =
    [
        // English
        "join our group", "join our channel", "donation receipt", "send a receipt", "earn money from home", "work from home",
        "crypto signals", "free spins", "guaranteed profit", "dm me on telegram", "whatsapp me",
        // Chinese
        "加群", "捐款收据", "日赚", "兼职赚钱", "免费领取", "私聊我", "加微信",
        // Japanese
        "副業", "稼げる", "グループに参加", "今すぐ登録", "寄付の領収書",
        // Arabic
        "انضم إلى مجموعتنا", "إيصال التبرع", "اربح المال", "تواصل معنا على واتساب",
        // Spanish, French, German, Russian
        "únete a nuestro grupo", "gana dinero desde casa", "recibo de donación",
        "rejoignez notre groupe", "gagnez de l'argent", "reçu de don",
        "tritt unserer gruppe bei", "geld verdienen von zu hause", "spendenquittung",
        "вступай в нашу группу", "заработок без вложений", "пиши в телеграм", "квитанция о пожертвовании",
    ];

    public static readonly string[] BannedWords =
    [
        "scumbag", "subhuman", "垃圾人", "人渣", "クズ野郎", "حثالة", "escoria", "ordure", "abschaum", "мразь",
    ];
}
