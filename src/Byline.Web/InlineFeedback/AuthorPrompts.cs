using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Byline.Web.InlineFeedback;

/// <summary>
/// Byline's syntax for an author prompt: a passage the writer marks with a question for readers.
/// <code>
/// The council plans to {{close three branch libraries || Which branch do you use, and what would you miss?}} next year.
/// </code>
/// The passage stays part of the story's text, tinted; the question is shown right after the paragraph (or heading,
/// list item…) that holds it, so that it never breaks a sentence, marked as not story text (see <see cref="StoryText"/>),
/// with a "Respond" control that opens the inline feedback form on the passage.
/// The passage is plain text: Markdown inside it is shown as written.
/// </summary>
public sealed class AuthorPrompts : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<Parser>())
        {
            // Before emphasis and links, so that "{{" is seen first.
            pipeline.InlineParsers.Insert(0, new Parser());
        }
        pipeline.DocumentProcessed -= PlaceQuestions;
        pipeline.DocumentProcessed += PlaceQuestions;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<Renderer>())
        {
            html.ObjectRenderers.Insert(0, new Renderer());
            html.ObjectRenderers.Insert(0, new QuestionsRenderer());
        }
    }

    /// <summary>The questions of the prompts in one block, shown after it.</summary>
    public sealed class QuestionsBlock(IReadOnlyList<PromptInline> prompts) : LeafBlock(null)
    {
        public IReadOnlyList<PromptInline> Prompts { get; } = prompts;
    }

    private static void PlaceQuestions(MarkdownDocument document)
    {
        foreach (var block in document.Descendants<LeafBlock>().Where(b => b.Inline is not null).ToList())
        {
            var prompts = block.Inline!.Descendants<PromptInline>().ToList();
            if (prompts.Count > 0 && block.Parent is { } parent)
            {
                parent.Insert(parent.IndexOf(block) + 1, new QuestionsBlock(prompts));
            }
        }
    }

    /// <summary>A prompt in the parsed document; <see cref="Number"/> counts prompts from 1 in story order.</summary>
    public sealed class PromptInline(string passage, string question, int number) : LeafInline
    {
        public string Passage { get; } = passage;
        public string Question { get; } = question;
        public int Number { get; } = number;
    }

    private sealed class Parser : InlineParser
    {
        private const string CountKey = "byline-prompt-count";

        public Parser() => OpeningCharacters = ['{'];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            if (slice.PeekChar() != '{')
            {
                return false;
            }
            var rest = slice.Text.AsSpan(slice.Start, slice.Length);
            var close = rest.IndexOf("}}", StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }
            var inner = rest[2..close];
            var split = inner.IndexOf("||", StringComparison.Ordinal);
            if (split < 0)
            {
                return false;
            }
            var passage = Collapse(inner[..split]);
            var question = Collapse(inner[(split + 2)..]);
            if (passage.Length == 0 || question.Length == 0)
            {
                return false;
            }
            var number = (processor.Document.GetData(CountKey) as int? ?? 0) + 1;
            processor.Document.SetData(CountKey, number);
            processor.Inline = new PromptInline(passage, question, number) { Span = new(slice.Start, slice.Start + close + 1) };
            slice.Start += close + 2;
            return true;
        }

        /// <summary>A prompt may wrap across source lines; readers see single spaces.</summary>
        private static string Collapse(ReadOnlySpan<char> text) =>
            string.Join(' ', text.ToString().Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    private sealed class Renderer : HtmlObjectRenderer<PromptInline>
    {
        protected override void Write(HtmlRenderer renderer, PromptInline prompt)
        {
            if (!renderer.EnableHtmlForInline)
            {
                renderer.WriteEscape(prompt.Passage);
                return;
            }
            renderer.Write("<span class=\"prompt-passage\" data-prompt=\"").Write(Number(prompt)).Write("\">")
                .WriteEscape(prompt.Passage).Write("</span>");
        }
    }

    private sealed class QuestionsRenderer : HtmlObjectRenderer<QuestionsBlock>
    {
        protected override void Write(HtmlRenderer renderer, QuestionsBlock block)
        {
            if (!renderer.EnableHtmlForBlock)
            {
                return;
            }
            renderer.EnsureLine();
            foreach (var prompt in block.Prompts)
            {
                var number = Number(prompt);
                renderer.Write("<div class=\"author-prompt\" ").Write(StoryText.UiAttribute).Write(" data-prompt=\"").Write(number)
                    .Write("\">")
                    .Write("<p><span class=\"author-prompt-label\">The writer asks about “").WriteEscape(prompt.Passage).Write("”:</span> ")
                    .WriteEscape(prompt.Question)
                    .Write(" <a class=\"author-prompt-respond\" href=\"").Write(PromptPassages.RespondHref(prompt.Number)).Write("\" data-prompt=\"").Write(number).Write("\">Respond</a></p></div>")
                    .WriteLine();
            }
        }
    }

    private static string Number(PromptInline prompt) => prompt.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
