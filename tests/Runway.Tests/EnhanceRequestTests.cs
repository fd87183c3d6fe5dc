using System;
using System.IO;
using Runway.Media;
using Runway.Models;
using Xunit;

namespace Runway.Tests
{
    /// <summary>Upscaling, frame-rate and HDR requests: body shapes, the API's spellings, size rules and the ruby price.</summary>
    public sealed class EnhanceRequestTests : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "runway-enhance-tests-" + Guid.NewGuid().ToString("N"));

        public EnhanceRequestTests() => Directory.CreateDirectory(folder);

        public void Dispose() => Directory.Delete(folder, recursive: true);

        /// <summary>A PNG whose header says width × height (the body is never read).</summary>
        private string Png(int width, int height)
        {
            string path = Path.Combine(folder, $"{width}x{height}.png");
            var bytes = new byte[33];
            new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
            BitConverter.GetBytes(width).CopyTo(bytes, 16);
            BitConverter.GetBytes(height).CopyTo(bytes, 20);
            Array.Reverse(bytes, 16, 4);
            Array.Reverse(bytes, 20, 4);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        private static MediaSource Source(object input, params MediaKind[] kinds) => MediaSource.From(input, "Image", p => p, kinds);

        [Fact]
        public void Image_upscale_sends_only_what_was_given()
        {
            GenerationRequest request = RequestBuilder.ImageUpscale(new ImageUpscaleSpec { Image = Source("https://example.com/a.png", MediaKind.Image), Flavor = "Photo", Sharpen = 12.5 });
            Assert.Equal(Endpoints.ImageUpscale, request.Endpoint);
            Assert.Equal("{\"model\":\"magnific_precision_upscaler_v2\",\"imageUri\":\"https://example.com/a.png\",\"flavor\":\"photo\",\"sharpen\":12.5}", request.Body.ToJsonString());
            Assert.False(request.PriceKnown);
            Assert.Contains("unknown price", request.CostText);
        }

        [Fact]
        public void Image_upscale_checks_the_read_size_against_the_sides_and_the_output_limit()
        {
            MediaSource png = Source(Png(1920, 1080), MediaKind.Image);
            Assert.Equal((1920, 1080), png.PixelSize);
            GenerationRequest ok = RequestBuilder.ImageUpscale(new ImageUpscaleSpec { Image = png, ScaleFactor = 2 });
            Assert.Equal(2, (int)ok.Body["scaleFactor"]);
            Assert.Contains("to 3840×2160", ok.Summary);
            var tooLarge = Assert.Throws<RunwayInputException>(() => RequestBuilder.ImageUpscale(new ImageUpscaleSpec { Image = png, ScaleFactor = 4 }));
            Assert.Equal("Runway.UpscaleTooLarge", tooLarge.ErrorId);
            Assert.Contains("-ScaleFactor 2 fits", tooLarge.Message);
            var small = Assert.Throws<RunwayInputException>(() => RequestBuilder.ImageUpscale(new ImageUpscaleSpec { Image = Source(Png(299, 600), MediaKind.Image) }));
            Assert.Equal("Runway.InvalidImageSize", small.ErrorId);
            var factor = Assert.Throws<RunwayInputException>(() => RequestBuilder.ImageUpscale(new ImageUpscaleSpec { Image = png, ScaleFactor = 3 }));
            Assert.Equal("ScaleFactor", factor.Parameter);
        }

        [Theory]
        [InlineData("60", "60")]
        [InlineData("23.98", "23_98")]
        [InlineData("29_97", "29_97")]
        [InlineData(" 59,94 ", "59_94")]
        [InlineData("120fps", "120")]
        public void Frame_rates_are_sent_as_the_API_spells_them(string given, string sent)
        {
            GenerationRequest request = RequestBuilder.VideoUpscale(new VideoUpscaleSpec { Video = Source("https://example.com/a.mp4", MediaKind.Video), TargetFrameRate = given });
            Assert.Equal("enhance_frame_rate", request.Model.Name);
            Assert.Equal(sent, (string)request.Body["targetFramerate"]);
        }

        [Theory]
        [InlineData("75")]
        [InlineData("23.976")]
        [InlineData("")]
        public void Other_frame_rates_are_refused(string given)
        {
            var error = Assert.Throws<RunwayInputException>(() => RequestBuilder.ResolveFrameRate(given));
            Assert.Equal("Runway.InvalidFrameRate", error.ErrorId);
            Assert.Contains("23.98", error.Message);
        }

        [Fact]
        public void Hdr_defaults_to_hdr10_and_checks_the_prores_profile()
        {
            IMediaInput video = Source("https://example.com/a.mp4", MediaKind.Video);
            GenerationRequest plain = RequestBuilder.Hdr(new HdrSpec { Video = video });
            Assert.Equal("{\"model\":\"ruby\",\"videoUri\":\"https://example.com/a.mp4\"}", plain.Body.ToJsonString());
            Assert.False(plain.PriceKnown);
            GenerationRequest prores = RequestBuilder.Hdr(new HdrSpec { Video = video, OutputFormat = "HDR_PRORES", ProResProfile = "422hq" });
            Assert.Equal("422 HQ", (string)prores.Body["proresProfile"]);
            Assert.Equal("hdr_prores", (string)prores.Body["outputFormat"]);
            Assert.Throws<RunwayInputException>(() => RequestBuilder.Hdr(new HdrSpec { Video = video, OutputFormat = "hlg", ProResProfile = "422" }));
        }

        [Theory]
        [InlineData(5.0, 1280L * 720, 100, false)]
        [InlineData(5.2, 3840L * 2160, 240, false)]
        [InlineData(5.0, null, 200, true)]
        public void Ruby_costs_20_or_40_credits_per_second(double seconds, long? pixels, int credits, bool approximate)
        {
            ModelInfo ruby = ModelCatalog.Find("ruby");
            var query = new CostQuery { InputSeconds = seconds, InputPixels = pixels };
            Assert.Equal(credits, ruby.Price.Estimate(ruby, query));
            Assert.Equal(approximate, ruby.Price.IsApproximate(ruby, query));
            Assert.True(ruby.Price.Knows(query));
            Assert.False(ruby.Price.Knows(new CostQuery()));
        }
    }
}
