// Every typographic constant of the kiosk in one place, as em multiples, so the
// app team and the text engine agree on the type scale (see docs/typography.md).
#pragma once

namespace kiosk::text::type_scale {

// Sizes, as multiples of the body size. The app picks kBodyPx for its screen.
inline constexpr float kBodyPx = 32.0f;     // body text on a 1080p portrait kiosk
inline constexpr float kCaptionEm = 0.75f;  // captions, credits
inline constexpr float kBodyEm = 1.0f;
inline constexpr float kSubheadingEm = 1.25f;
inline constexpr float kHeadingEm = 1.5f;
inline constexpr float kTitleEm = 2.0f;
inline constexpr float kDisplayEm = 3.0f;  // attract-screen titles

inline constexpr float px(float em) {
    return em * kBodyPx;
}

// Baseline-to-baseline distance / size.
inline constexpr float kBodyLineHeightEm = 1.7f;  // CLREQ recommends 1.5–2 for Han body text
inline constexpr float kTitleLineHeightEm = 1.3f;

// Chinese body paragraphs start with a two-character indent.
inline constexpr float kChineseIndentEm = 2.0f;

// Space between Han and Latin letters/digits (CLREQ 3.2.2 suggests 1/8–1/4 em).
inline constexpr float kHanLatinSpaceEm = 0.125f;
inline constexpr float kHanLatinSpaceMaxEm = 0.25f;

// Justification stretches each expansion point by at most kMaxJustifyStretchEm and a
// line by at most kMaxJustifySlackEm in total; beyond either the line breaks inside a
// phrase (or a word) instead, further on (linefit.cpp). Narrow lines hit the first
// (⅕ em between characters), wide ones the second: 3 em spread over a 28 em line was
// visibly loose (issue 13, point 9). Ragged Chinese lines keep the slack limit.
// Measured trade-off: docs/typography.md.
inline constexpr float kMaxJustifyStretchEm = 0.2f;
inline constexpr float kMaxJustifySlackEm = 2.0f;

// Full-width punctuation compression: a pair of adjacent marks loses this much.
inline constexpr float kPunctPairTrimEm = 0.5f;
// An opening bracket at the start of a line may lose up to this much.
inline constexpr float kLineStartTrimEm = 0.5f;

// Replacement box for uncovered characters: advance and drawn size.
inline constexpr float kBoxAdvanceEm = 0.6f;
inline constexpr float kBoxWidthEm = 0.5f;
inline constexpr float kBoxHeightEm = 0.7f;

}  // namespace kiosk::text::type_scale
