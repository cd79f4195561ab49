## 한국어 UI 문자열과 문장 패턴. 번역 방법은 TRANSLATING.md에 있습니다.

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
search-placeholder = 코드 검색: 426, 연결 닫힘…
search-no-results = 일치하는 코드가 없습니다.
search-compare = 비교
picker-first = 첫 번째 코드
picker-second = 두 번째 코드
picker-submit = 비교하기
picker-same = 서로 다른 두 코드를 골라야 합니다.
picker-other-category = 이 두 코드는 비교 페이지가 없습니다. 같은 범주의 코드를 골라야 합니다.
picker-other-class = 이 두 코드는 비교 페이지가 없습니다. 같은 계열의 코드를 골라야 합니다.
data-json = 전체 코드 JSON
notfound-title = 페이지를 찾을 수 없습니다
notfound-text = 이 주소에는 페이지가 없습니다. 코드를 검색하거나 홈에서 다시 시작할 수 있습니다.
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
compare-intro = { $a }({ $a_name }){ a-eun } { $a_class_form } 계열({ $a_class }) 응답입니다. { $a_summary } { $b }({ $b_name }){ b-eun } { $b_class_form } 계열({ $b_class }) 응답입니다. { $b_summary }

diff-class-same = 같은 계열: { $a }{ a-gwa } { $b } 모두 { $a_class_form }({ $a_class }) 응답입니다.
diff-class-different = 다른 계열: { $a }{ a-eun } { $a_class_form }({ $a_class }), { $b }{ b-eun } { $b_class_form }({ $b_class }) 응답입니다.
diff-category-same = 같은 범주: 둘 다 { $a_category_form }({ $a_category })에 속합니다.
diff-category-different = 다른 범주: { $a }{ a-eun } { $a_category_form }({ $a_category }), { $b }{ b-eun } { $b_category_form }({ $b_category })에 속합니다.
diff-meaning = 의미 — { $a }: { $a_summary } { $b }: { $b_summary }
diff-outcome = 계열이 뜻하는 것 — { $a }({ $a_class_form }): { $a_outcome } { $b }({ $b_class_form }): { $b_outcome }
diff-when = 보게 되는 경우 — { $a }: { $a_when } { $b }: { $b_when }
which-item = { $code }({ $name }) — 대응 방법: { $fix }

## 코드의 표준화 상태(배지). 변수: $spec, $by, $vendor, $expires (비어 있을 수 있음).
label-standing = 표준화 상태
standing-standard = 표준 · { $spec }
standing-registered = IANA 등록, RFC 없음
standing-registered-spec = IANA 등록 · { $spec }
standing-obsoleted = 폐지됨 · 대체: { $by }
standing-deprecated = 사용 중단(deprecated) · 대안: { $by }
standing-unused = 사용하지 않음
standing-reserved = 예약됨
standing-temporary = 임시 등록 · { $expires }까지
standing-expired = 임시 등록 만료 · { $expires }
standing-vendor = 벤더 전용 · { $vendor }
standing-unofficial = 비공식
standing-unofficial-vendor = 비공식 · { $vendor }

## 연관 프로토콜의 코드(SMTP 기본 코드 ↔ 확장 코드). $protocol은 그 이름입니다.
heading-associated-basic = 함께 쓰이는 { $protocol } 응답
heading-associated-enhanced = 이 응답과 함께 쓰이는 { $protocol } 코드

## 여러 프로토콜에 있는 같은 번호(/codes/<number>/).
heading-also-in = 다른 프로토콜의 같은 번호
number-compare-all = 이 번호를 모든 프로토콜에서 나란히 보기
number-title = { $protocols }의 { $number } 코드
number-meta = 응답 코드 { $number }의 뜻을 { $protocols }별로 나란히 보여 주고, 내가 본 코드가 어느 쪽인지 구별하는 방법을 알려 줍니다.
number-lead = 같은 번호라도 프로토콜마다 뜻이 다릅니다. 어디에서 이 코드를 봤는지로 어느 쪽인지 알 수 있습니다.
number-seen-in = 보게 되는 곳:

## 명령과 예시 교환.
commands-title = { $protocol } 명령
commands-meta = { $protocol }의 모든 명령과, RFC가 각 명령에 대해 나열한 응답을 RFC의 분류대로 보여 줍니다.
commands-lead = 각 명령과, RFC의 명령–응답 표가 그 명령에 대해 나열한 응답입니다.
command-title = { $protocol } { $name } 명령
heading-commands = 명령
heading-syntax = 구문
heading-replies = 응답
heading-returned-by = 이 코드를 돌려주는 명령
heading-examples = 예시 교환
heading-in-session = 세션 안에서
label-then = 중간 응답 다음에 클라이언트가 보내는 것:
label-transcript = 기록
label-deviation = RFC 표에 없는 응답
label-captured-from = 수집한 서버:
session-no-command = 이 코드를 나열한 명령 표가 없습니다.
diagram-title = 교환의 시퀀스 다이어그램
diagram-client = 클라이언트
diagram-server = 서버
diagram-message = 메시지 데이터
diagram-data = 데이터 연결
role-preliminary = 예비 응답: 작업이 끝나기 전에 옵니다
role-restart-marker = 전송 중의 재시작 마커
role-after-preliminary = 예비 응답 뒤의 최종 응답: 작업을 마칩니다
role-intermediate = 중간 응답: 서버가 먼저 추가 입력을 기다립니다
role-after-intermediate = 데이터 다음의 최종 응답
role-success = 성공 응답
role-error = 오류 응답
role-final = 명령에 대한 응답
