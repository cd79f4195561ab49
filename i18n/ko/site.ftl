## 한국어 UI 문자열과 문장 패턴. 번역 방법은 TRANSLATING.md를 보세요.

## 조사: 숫자 코드를 소리 내어 읽었을 때 마지막 음절에 받침이 있는지에 따라 고릅니다.
## NUMBER_END(숫자)는 읽었을 때 끝나는 단위를 돌려줍니다: one…nine(마지막 숫자),
## ten, hundred, thousand(0으로 끝날 때). 이(2)·사(4)·오(5)·구(9)만 받침이 없습니다.
## 아래 메시지는 같은 변수를 받는 다른 메시지 안에서 { a-eun }처럼 불러 씁니다.
a-eun = { NUMBER_END($a) ->
    [two] 는
    [four] 는
    [five] 는
    [nine] 는
   *[other] 은
}
a-gwa = { NUMBER_END($a) ->
    [two] 와
    [four] 와
    [five] 와
    [nine] 와
   *[other] 과
}
b-eun = { NUMBER_END($b) ->
    [two] 는
    [four] 는
    [five] 는
    [nine] 는
   *[other] 은
}

site-title = 응답 코드
language-name = 한국어
nav-home = 홈
nav-breadcrumbs = 현재 위치
nav-language = 언어
skip-to-content = 본문으로 건너뛰기
home-tagline = 프로토콜 응답 코드의 뜻, 보게 되는 경우, 해결 방법, 그리고 두 코드의 차이를 한눈에.
home-meta = FTP, HTTP, SMTP 응답 코드 해설: 코드별 의미, 보게 되는 경우, 해결 방법과 두 코드 비교.
heading-protocols = 프로토콜
heading-featured = 자주 찾는 비교
heading-codes = 코드 목록
heading-description = 설명
heading-seen-when = 이 코드를 보게 되는 경우
heading-fix = 해결 방법
heading-differences = 주요 차이점
heading-which = 언제 어떤 것을 사용할지
heading-notes = 참고 사항
heading-learn-more = 더 알아보기
heading-related = 관련 코드
heading-comparisons = 다른 코드와 비교
heading-references = 참고 문서
heading-compare = 두 코드 비교하기
label-class = 계열
label-category = 범주
label-vs = vs
anchor-link = 이 절로 바로 가는 링크
search-label = 코드 검색
search-placeholder = 코드 검색: 426, 연결 종료…
search-no-results = 일치하는 코드가 없습니다.
search-compare = 비교
picker-first = 첫 번째 코드
picker-second = 두 번째 코드
picker-submit = 비교하기
picker-same = 서로 다른 두 코드를 고르세요.
picker-other-class = 이 두 코드는 비교 페이지가 없습니다. 같은 계열의 코드를 고르세요.
data-json = 전체 코드 JSON
notfound-title = 페이지를 찾을 수 없습니다
notfound-text = 이 주소에는 페이지가 없습니다. 코드를 검색하거나 홈에서 시작하세요.
footer-text = RFC와 IANA 레지스트리의 내용을 바탕으로 직접 정리했습니다.
outdated-notice = 이 부분은 번역한 뒤에 영어 원문이 바뀌었습니다.
source-link = 영어 원문 보기
partial-notice = 이 번역은 { $percent }% 완료되었습니다. 아직 번역하지 않은 부분은 영어로 표시됩니다.
protocol-counts = 코드 { $codes }개 · 비교 { $comparisons }개

protocol-title = { $protocol } 응답 코드
protocol-heading = { $protocol } 응답 코드: { $title }
protocol-meta = { $protocol }({ $title }) 응답 코드 { $count }개의 의미, 보게 되는 경우, 해결 방법을 모두 정리했습니다.
code-title = { $protocol } { $code } { $name }
code-meta = { $protocol } { $code } { $name }: { $summary }

compare-title = { $protocol } { $a } { $a_name } vs { $b } { $b_name }
compare-short = { $a } vs { $b }
compare-meta = { $protocol } { $a }({ $a_name }){ a-gwa } { $b }({ $b_name }) 비교: 각 코드의 의미, 보게 되는 경우, 해결 방법과 주요 차이점.
compare-intro = { $a }({ $a_name }){ a-eun } { $a_digit }xx 계열({ $a_class }) 응답입니다. { $a_summary } { $b }({ $b_name }){ b-eun } { $b_digit }xx 계열({ $b_class }) 응답입니다. { $b_summary }

diff-class-same = 같은 계열: { $a }{ a-gwa } { $b } 모두 { $a_digit }xx({ $a_class }) 응답입니다.
diff-class-different = 다른 계열: { $a }{ a-eun } { $a_digit }xx({ $a_class }), { $b }{ b-eun } { $b_digit }xx({ $b_class }) 응답입니다.
diff-category-same = 같은 범주: 둘 다 x{ $a_digit }x({ $a_category })에 속합니다.
diff-category-different = 다른 범주: { $a }{ a-eun } x{ $a_digit }x({ $a_category }), { $b }{ b-eun } x{ $b_digit }x({ $b_category })에 속합니다.
diff-meaning = 의미 — { $a }: { $a_summary } { $b }: { $b_summary }
diff-outcome = 이후 흐름 — { $a } 다음: { $a_outcome } { $b } 다음: { $b_outcome }
diff-when = 만나는 상황 — { $a }: { $a_when } { $b }: { $b_when }
which-item = { $code }({ $name }) — 대응 방법: { $fix }
