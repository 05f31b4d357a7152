using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Byline.Web.InlineFeedback;

/// <summary>
/// Byline's syntax for an author prompt: a passage the writer marks with a question for readers.
/// <code>
/// The council plans to {{close three branch libraries || Which branch do you use, and what would you miss?}} next year.
/// </code>
/// The passage stays part of the story's text; the question is shown beside it (marked as not story text, see
/// <see cref="StoryText"/>) with a "Respond" control that opens the inline feedback form on the passage.
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
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<Renderer>())
        {
            html.ObjectRenderers.Insert(0, new Renderer());
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
            var number = prompt.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            renderer.Write("<span class=\"prompt-passage\" data-prompt=\"").Write(number).Write("\">")
                .WriteEscape(prompt.Passage).Write("</span>");
            renderer.Write("<span class=\"author-prompt\" ").Write(StoryText.UiAttribute).Write(" data-prompt=\"").Write(number).Write("\">")
                .Write("<span class=\"author-prompt-label\">The writer asks:</span> ")
                .WriteEscape(prompt.Question)
                .Write(" <a class=\"author-prompt-respond\" href=\"#comment-form\" data-prompt=\"").Write(number).Write("\">Respond</a></span>");
        }
    }
}
