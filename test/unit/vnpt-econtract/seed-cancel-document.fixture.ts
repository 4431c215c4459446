/**
 * The VNPT "Hủy chứng từ" (cancel document) seed document's samples, verbatim
 * (shared/seeds/vnpt-econtract-cancel-document.txt).
 */

/** The sample request body. */
export const SEED_CANCEL_REQUEST = Object.freeze({
  id: '4d0f7767-97b4-40ac-2b54-08dbfaff6da3',
  reason: 'Thông tin chứng từ bị sai, hủy và tạo chứng từ mới',
});

/** The sample response body, as text exactly as the seed prints it. */
export const SEED_CANCEL_RESPONSE_BODY = `{
"data": {
"id": "866d1e40-e72c-4a22-c9df-08dbd60bf724",
"createdDate": "2023-10-26T17:16:56.1433327",
"lastModifiedDate": "2023-12-19T09:12:47.9709329+07:00",
"completedDate": "2023-12-18T15:42:06.8361733",
"no": "TEST.20231026.2XFNKLYO",
"subject": "Chứng từ TEST.20231026.2XFNKLYO",
"hasVerified": false,
"status": {
"value": -3,
"description": "Canceled"
},
"contractStatus": {
"value": 0,
"description": "Undefined"
},
"description": "",
"createdByUserId": 6,
"reason": "Sai thông tin",
"processRecipientCount": 1,
"processInOrder": true,
"isWaitToSignDraw": false,
"isWaitToSignDigital": false,
"isWaitToApprove": false,
"isWaitToFillData": false,
"isFillable": false,
"type": {
"id": 46,
"code": "CKDS",
"name": "Chiết khấu doanh số",
"description": "Chứng từ chiết khấu doanh số",
"documentCount": 1,
"children": []
},
"processes": [
{
"id": "5331cb60-ad69-437b-9a05-08dbd60b099c",
"createdDate": "2023-10-26T17:16:56.1431364",
"comId": 164,
"isOrder": true,
"orderNo": 1,
"displayType": {
"value": 2,
"description": "Text and image"
},
"accessPermission": {
"value": 5,
"description": "Fill data"
},
"status": {
"value": 5,
"description": "Filled"
},
"processedDate": "2023-12-18T15:42:06.8361564",
"processedByUserId": 2341,
"processedByUser": {
"id": 2341,
"code": "trinhttv",
"name": "Trần Thị Việt Trinh",
"email": "trinhttv@vnpt.vn",
"phone": "0919380915"
},
"documentId": "866d1e40-e72c-4a22-c9df-08dbd60bf724",
"fillingItems": []
},
{
"id": "96382e9b-10ab-47b5-9a06-08dbd60b099c",
"createdDate": "2023-10-26T17:16:56.1431431",
"comId": 164,
"isOrder": true,
"orderNo": 2,
"displayType": {
"value": 2,
"description": "Text and image"
},
"accessPermission": {
"value": 1,
"description": "View only"
},
"status": {
"value": 1,
"description": "Waiting"
},
"processedByUserId": 6,
"documentId": "866d1e40-e72c-4a22-c9df-08dbd60bf724",
"fillingItems": []
}
],
"histories": [
{
"createdDate": "2023-12-19T09:12:47.9709333+07:00",
"requestType": {
"value": 0,
"description": "Web"
},
"ipAddress": "10.70.39.64",
"activity": {
"value": -3,
"description": "Cancel document"
}
}
],
"attachments": [],
"relatedDocuments": [],
"linkedDocuments": [],
"messages": [],
"downloadUrl": "{HOST}/Api/Download?token=...",
"downloadOriginalUrl": "{HOST}/Api/Download?token=...",
"sharedUsers": []
},
"success": true,
"code": 0,
"messages": [
"Cancel document success"
]
}`;
