namespace Byline.Core.Tests.Moderation;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "I think the minister should resign after what happened with the contracts last year.")]
    [InlineData("en", "Great article, but the photo caption names the wrong street.")]
    [InlineData("fr", "Je trouve que le ministre devrait démissionner après l'affaire des contrats de l'an dernier.")]
    [InlineData("fr", "Très bon article, mais la légende de la photo se trompe de rue.")]
    [InlineData("de", "Ich finde, der Minister sollte nach der Sache mit den Verträgen vom letzten Jahr zurücktreten.")]
    [InlineData("de", "Guter Artikel, aber in der Bildunterschrift steht die falsche Straße.")]
    [InlineData("es", "Creo que el ministro debería dimitir después de lo que pasó con los contratos el año pasado.")]
    [InlineData("es", "Muy buen artículo, pero el pie de foto menciona la calle equivocada.")]
    [InlineData("pt", "Acho que o ministro deveria se demitir depois do que aconteceu com os contratos no ano passado.")]
    [InlineData("pt", "Ótima matéria, mas a legenda da foto cita a rua errada.")]
    [InlineData("it", "Credo che il ministro dovrebbe dimettersi dopo quello che è successo con gli appalti l'anno scorso.")]
    [InlineData("it", "Ottimo articolo, ma la didascalia della foto indica la via sbagliata.")]
    [InlineData("nl", "Ik vind dat de minister moet aftreden na wat er vorig jaar met de contracten is gebeurd.")]
    [InlineData("nl", "Goed artikel, maar het onderschrift bij de foto noemt de verkeerde straat.")]
    [InlineData("sv", "Jag tycker att ministern borde avgå efter det som hände med kontrakten förra året.")]
    [InlineData("pl", "Uważam, że minister powinien podać się do dymisji po tym, co stało się z umowami w zeszłym roku.")]
    [InlineData("tr", "Bence bakan geçen yıl sözleşmelerle ilgili yaşananlardan sonra istifa etmeli.")]
    [InlineData("vi", "Tôi nghĩ bộ trưởng nên từ chức sau những gì đã xảy ra với các hợp đồng năm ngoái.")]
    public void DetectsLatinScriptLanguages(string language, string text)
    {
        var guess = LanguageDetector.Detect(text);

        Assert.Equal(language, guess.Language);
        Assert.Equal("Latn", guess.Script);
        Assert.True(guess.Confidence >= 0.6, $"{language}: {guess.Confidence}");
    }

    [Theory]
    [InlineData("zh", "Hani", "我觉得部长应该为去年的合同问题辞职，这篇报道写得很清楚。")]
    [InlineData("zh", "Hani", "這篇報導寫得很好，但是照片說明的街道名稱錯了。")]
    [InlineData("ja", "Jpan", "去年の契約の件を考えると、大臣は辞任するべきだと思います。")]
    [InlineData("ja", "Jpan", "とてもいい記事でした。ありがとうございます。")]
    [InlineData("ko", "Hang", "작년 계약 문제를 보면 장관은 사임해야 한다고 생각합니다.")]
    [InlineData("ar", "Arab", "أعتقد أن الوزير يجب أن يستقيل بعد ما حدث في العقود العام الماضي.")]
    [InlineData("fa", "Arab", "به نظر من وزیر باید بعد از ماجرای قراردادهای پارسال استعفا بدهد.")]
    [InlineData("he", "Hebr", "אני חושב שהשר צריך להתפטר אחרי מה שקרה עם החוזים בשנה שעברה.")]
    [InlineData("el", "Grek", "Νομίζω ότι ο υπουργός πρέπει να παραιτηθεί μετά από όσα έγιναν με τις συμβάσεις.")]
    [InlineData("ru", "Cyrl", "Я думаю, что министр должен уйти в отставку после истории с контрактами.")]
    [InlineData("uk", "Cyrl", "Я вважаю, що міністр має піти у відставку після історії з контрактами минулого року.")]
    [InlineData("bg", "Cyrl", "Мисля, че министърът трябва да подаде оставка след случилото се с договорите.")]
    [InlineData("th", "Thai", "ผมคิดว่ารัฐมนตรีควรลาออกหลังจากเรื่องสัญญาเมื่อปีที่แล้ว")]
    [InlineData("hi", "Deva", "मुझे लगता है कि पिछले साल के अनुबंधों के बाद मंत्री को इस्तीफा देना चाहिए।")]
    public void DetectsLanguagesByScript(string language, string script, string text)
    {
        var guess = LanguageDetector.Detect(text);

        Assert.Equal(language, guess.Language);
        Assert.Equal(script, guess.Script);
        Assert.True(guess.Confidence >= 0.6, $"{language}: {guess.Confidence}");
    }

    [Theory]
    [InlineData("这个新闻很重要，大家可以看看 https://example.com/news/today 的原文报道")]
    [InlineData("我很喜欢这篇文章，尤其是关于 Apple 和 Google 的部分。")]
    public void ChineseWithEnglishWordsOrUrlsIsChinese(string text)
    {
        Assert.Equal("zh", LanguageDetector.Detect(text).Language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ok")]
    [InlineData("lol 😂😂")]
    [InlineData("https://example.com/some/long/path/that/is/not/words")]
    [InlineData("12345 !!! ???")]
    [InlineData("好的")]
    public void ShortTextHasNoLanguage(string text)
    {
        Assert.Null(LanguageDetector.Detect(text).Language);
    }

    [Theory]
    [InlineData("This part is English, но эта часть на русском языке, half and half.")]
    [InlineData("The council voted 今日の会議で決まりました yesterday evening.")]
    public void MixedTextHasNoLanguage(string text)
    {
        Assert.Null(LanguageDetector.Detect(text).Language);
    }

    [Theory]
    [InlineData("en", "en", false)]
    [InlineData("en", "en-GB", false)]
    [InlineData("zh", "zh-Hant", false)]
    [InlineData("zh", "zh-CN", false)]
    [InlineData("he", "iw", false)]
    [InlineData("fr", "en", true)]
    [InlineData("zh", "ja", true)]
    public void MismatchComparesPrimarySubtags(string detected, string story, bool mismatch)
    {
        Assert.Equal(mismatch, LanguageDetector.Mismatch(new LanguageGuess(detected, 0.9, "Latn"), story));
    }

    [Fact]
    public void UnknownOrUnsureIsNeverAMismatch()
    {
        Assert.False(LanguageDetector.Mismatch(new LanguageGuess(null, 0, "Zyyy"), "en"));
        Assert.False(LanguageDetector.Mismatch(new LanguageGuess("fr", 0.9, "Latn"), null));
        Assert.False(LanguageDetector.Mismatch(new LanguageGuess("fr", 0.9, "Latn"), " "));
        Assert.False(LanguageDetector.Mismatch(new LanguageGuess("fr", 0.5, "Latn"), "en"));
        Assert.True(LanguageDetector.Mismatch(new LanguageGuess("fr", 0.5, "Latn"), "en", minConfidence: 0.4));
    }

    [Fact]
    public void AChineseCommentUnderAnEnglishStoryIsAMismatch()
    {
        var guess = LanguageDetector.Detect("加入我们的群，每天都有免费的赚钱机会，名额有限。");

        Assert.True(LanguageDetector.Mismatch(guess, "en"));
        Assert.False(LanguageDetector.Mismatch(guess, "zh-Hans"));
    }

    [Fact]
    public void GeneratedProfileTableMatchesTheTrainingTexts()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Byline.Core", "Moderation", "LanguageProfiles");
        var generated = File.ReadAllText(Path.Combine(folder, "ProfileTexts.g.cs")).ReplaceLineEndings("\n");
        foreach (var file in Directory.GetFiles(folder, "*.txt"))
        {
            var text = File.ReadAllText(file).Trim().ReplaceLineEndings("\n");
            Assert.Contains($"(\"{Path.GetFileNameWithoutExtension(file)}\", \"\"\"\n{text}\n\"\"\")", generated, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Byline.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Byline.slnx not found above the test binaries.");
    }
}
