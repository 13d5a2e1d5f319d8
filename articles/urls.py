from django.contrib.auth import views as auth_views
from django.urls import include, path

from articles.views import (
    accounts,
    api,
    checks,
    feeds,
    imports,
    public,
    review,
    review_history,
    review_queue,
    review_suggestions,
    review_topics,
)

review_patterns = [
    path("", review_queue.claim_list, name="claim_list"),
    path("claims/<int:claim_id>/", review.claim_review, name="claim_review"),
    path("claims/<int:claim_id>/edit/", review.claim_edit, name="claim_edit"),
    path("claims/<int:claim_id>/status/", review.claim_status, name="claim_status"),
    path("claims/<int:claim_id>/link/", review.claim_link_create, name="claim_link_create"),
    path("claims/<int:claim_id>/search/", review.claim_search, name="claim_search"),
    path("links/<int:link_id>/state/", review.link_state, name="link_state"),
    path("articles/<int:article_id>/", review.article_detail, name="article_detail"),
    path("topics/", review.topic_list, name="topic_list"),
    path("topics/<int:topic_id>/rename/", review.topic_rename, name="topic_rename"),
    path("topics/<int:topic_id>/merge/", review.topic_merge, name="topic_merge"),
    # checks (issue 12)
    path("checks/", checks.check_queue, name="check_queue"),
    path("checks/<int:check_id>/state/", checks.check_state, name="check_state"),
    path("checks/<int:check_id>/publish/", checks.check_publish, name="check_publish"),
    # editors' workspace (issue 8)
    path("claims/bulk/", review_queue.claim_bulk, name="claim_bulk"),
    path("claims/<int:claim_id>/factcheck/", review.claim_factcheck, name="claim_factcheck"),
    path("claims/<int:claim_id>/delete/", review.claim_delete, name="claim_delete"),
    path("claims/<int:claim_id>/history/", review_history.claim_history, name="claim_history"),
    path("claims/<int:claim_id>/history/restore/", review_history.claim_restore, name="claim_restore"),
    path("articles/<int:article_id>/claims/new/", review.claim_new, name="claim_new"),
    path("suggestions/", review_suggestions.suggestion_queue, name="suggestion_queue"),
    path("suggestions/<int:link_id>/decide/", review_suggestions.suggestion_decide, name="suggestion_decide"),
    path("suggestions/undo/", review_suggestions.suggestion_undo, name="suggestion_undo"),
    path("topics/<slug:slug>/", review_topics.topic_workspace, name="topic_workspace"),
    path("topics/<slug:slug>/move/", review_topics.topic_move, name="topic_move"),
]

import_patterns = [
    path("", imports.import_start, name="start"),
    path("<int:job_id>/", imports.import_job, name="job"),
]

urlpatterns = [
    path("", public.timeline, name="timeline"),
    path("claims/<int:claim_id>/", public.claim_detail, name="claim_detail"),
    path("healthz", public.healthz, name="healthz"),
    # readers' site
    path("topics/", public.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", public.topic_detail, name="topic_detail"),
    path("speakers/", public.speaker_list, name="speaker_list"),
    path("speakers/<slug:slug>/", public.speaker_detail, name="speaker_detail"),
    path("articles/<int:article_id>/", public.article_detail, name="article_public"),
    path("outlets/", public.outlet_list, name="outlet_list"),
    path("outlets/<slug:slug>/", public.outlet_detail, name="outlet_detail"),
    path("feeds/claims.atom", feeds.ClaimsFeed(), name="feed_claims"),
    path("feeds/topics/<slug:slug>.atom", feeds.TopicFeed(), name="feed_topic"),
    path("feeds/speakers/<slug:slug>.atom", feeds.SpeakerFeed(), name="feed_speaker"),
    path("language/<str:code>/", public.language_choose, name="language_choose"),
    path("api/v1/docs", api.docs, name="api_docs"),
    path("api/v1/", api.api.urls),
    path("accounts/login/", accounts.login_view, name="login"),
    path("accounts/login/token/", accounts.login_token, name="login_token"),
    path("accounts/two-factor/", accounts.two_factor_setup, name="two_factor_setup"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("review/", include((review_patterns, "review"))),
    path("imports/", include((import_patterns, "imports"))),
]
